package org.fengxiang.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Author;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;
import org.fengxiang.core.Sentiment;
import org.junit.jupiter.api.Test;

class ReportTest {
    static final long T0 = 1_772_400_000_000L; // 2026-03-02
    static final long MIN = 60_000;

    static Post post(String id, long minute, String parent, String label) {
        Post p = new Post();
        p.id = id;
        p.eventTime = T0 + minute * MIN;
        p.parentId = parent;
        p.repostOf = parent == null ? null : "p0";
        p.text = "正文" + id;
        p.incidentId = "inc-1";
        p.author = new Author("a" + id, null, 10L, false, "江苏 南京");
        p.sentiment = new Sentiment(label, Sentiment.NEGATIVE.equals(label) ? -0.8 : 0.5);
        return p;
    }

    @Test
    void timelineCountsPostsAndSentimentPerWindowIncludingEmptyWindows() {
        List<Post> posts = List.of(post("p0", 0, null, "negative"), post("p1", 1, "p0", "negative"),
                post("p2", 12, "p1", "positive"), post("p3", 12, "p0", "neutral"));
        List<IncidentFigures.Bucket> b = IncidentFigures.timeline(posts, 5 * MIN);
        assertThat(b).hasSize(3);
        assertThat(b.get(0).posts()).isEqualTo(2);
        assertThat(b.get(0).net()).isEqualTo(-1.0);
        assertThat(b.get(1).posts()).isZero();
        assertThat(b.get(2).posts()).isEqualTo(2);
        assertThat(b.get(2).net()).isEqualTo(0.5);
        assertThat(IncidentFigures.depth(posts)).isEqualTo(3);
        assertThat(IncidentFigures.uniqueAuthors(posts)).isEqualTo(4);
        assertThat(IncidentFigures.regions(posts, 3)).containsEntry("江苏", 4L);
    }

    @Test
    void depthSurvivesCycles() {
        Post a = post("a", 0, "b", "neutral");
        Post b = post("b", 1, "a", "neutral");
        assertThat(IncidentFigures.depth(List.of(a, b))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void windowIsChosenForAtMostSixtyBars() {
        assertThat(IncidentFigures.windowMillis(0, 50 * MIN, 60)).isEqualTo(MIN);
        assertThat(IncidentFigures.windowMillis(0, 24 * 60 * MIN, 60)).isEqualTo(30 * MIN);
    }

    @Test
    void rendersChartsAlertMarksAndEscapesUntrustedText() {
        List<Post> posts = new ArrayList<>();
        posts.add(post("p0", 0, null, "negative"));
        for (int i = 1; i < 30; i++) posts.add(post("p" + i, i, "p0", i % 2 == 0 ? "negative" : "neutral"));
        posts.get(3).text = "<script>alert(1)</script>";
        Incident inc = new Incident();
        inc.id = "inc-1";
        inc.title = "南京化工厂气味事件";
        inc.originPostId = "p0";
        inc.stage = "outbreak";
        Alert a = new Alert();
        a.id = "al-1";
        a.incidentId = "inc-1";
        a.level = Alert.ORANGE;
        a.status = "open";
        a.sequence = 1;
        a.detectedAtMillis = T0 + 10 * MIN;
        a.reasons = List.of("10 分钟内 20 条帖子，基线 1.5 条（z=8.1）");
        String html = new ReportRenderer(ZoneId.of("Asia/Shanghai")).render(new ReportData(inc, posts, List.of(a)), "analyze out/");
        assertThat(html).contains("<meta charset=\"utf-8\">").contains("南京化工厂气味事件").contains("橙色 Ⅱ级");
        assertThat(html.split("class=\"bar\"", -1)).hasSize(31);
        assertThat(html).contains("class=\"alert-mark\"").contains("class=\"trend\"");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(html).doesNotContainPattern("(src|href)=\"https?:");
    }

    @Test
    void listsTheStoriesTextLinkingMergedIntoTheIncident() {
        List<Post> posts = new ArrayList<>();
        posts.add(post("p0", 0, null, "negative"));
        posts.add(post("p1", 1, "p0", "neutral"));
        Post story = post("s1", 3, null, "negative");
        story.text = "另一位网友：南京化工厂附近气味刺鼻";
        posts.add(story);
        Post storyRepost = post("s1-r1", 4, "s1", "neutral");
        storyRepost.repostOf = "s1";
        posts.add(storyRepost);
        Incident inc = new Incident();
        inc.id = "inc-1";
        inc.title = "南京化工厂气味事件";
        inc.originPostId = "p0";
        inc.stage = "forming";
        inc.cascades = 2;
        inc.linkedStories = List.of("s1");
        String html = new ReportRenderer(ZoneId.of("Asia/Shanghai")).render(new ReportData(inc, posts, List.of()), "analyze out/");
        assertThat(html).contains("文本关联的其他源帖（2 条传播链合并为本事件）").contains("另一位网友：南京化工厂附近气味刺鼻")
                .contains("该传播链帖子数：2");
        inc.linkedStories = List.of();
        assertThat(new ReportRenderer(ZoneId.of("Asia/Shanghai")).render(new ReportData(inc, posts, List.of()), "x"))
                .doesNotContain("文本关联");
    }
}
