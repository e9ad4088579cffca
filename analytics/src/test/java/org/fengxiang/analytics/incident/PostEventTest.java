package org.fengxiang.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengxiang.analytics.incident.TestPosts.T0;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fengxiang.core.Author;
import org.fengxiang.core.Json;
import org.fengxiang.core.Metrics;
import org.fengxiang.core.Post;
import org.fengxiang.core.Sentiment;
import org.junit.jupiter.api.Test;

/** A post's essentials carry everything its incident event is made of. */
class PostEventTest {
    private static final IncidentSettings S = new IncidentSettings().validate();

    @Test
    void theEssentialsMakeTheSameEventAsTheWholePost() {
        for (Post p : variety()) {
            Post e = PostEvent.essentials(p, S);
            assertThat(Json.write(PostEvent.of(e, S))).as(p.id).isEqualTo(Json.write(PostEvent.of(p, S)));
            assertThat(e.incidentRoot()).isEqualTo(p.incidentRoot());
        }
    }

    @Test
    void aRepostWithoutACueDropsItsText() {
        List<Post> posts = variety();
        assertThat(PostEvent.essentials(posts.get(2), S).text).isNull();
        assertThat(PostEvent.essentials(posts.get(3), S).text).isEqualTo(posts.get(3).text);
        assertThat(PostEvent.essentials(posts.get(0), S).text).isEqualTo(posts.get(0).text);
    }

    private static List<Post> variety() {
        List<Post> out = new ArrayList<>();
        Post original = TestPosts.post("weibo:1", null, null, T0, "u1", 5000);
        original.text = "某化工厂发生爆炸，现场浓烟滚滚，附近居民已疏散。".repeat(12);
        original.keywords = new ArrayList<>(Arrays.asList("化工厂", "", null, "爆炸", "浓烟", "居民", "疏散", "现场", "附近",
                "发生", "某", "滚滚", "已经"));
        original.sentiment = new Sentiment("negative", 0.91);
        original.metrics = new Metrics(12L, 3L, 40L, null);
        original.region = " 江苏 ";
        original.hashtags = new ArrayList<>(List.of("化工厂爆炸"));
        out.add(original);
        Post titled = TestPosts.post("news:2", null, null, T0 + 1, "u2", 0);
        titled.title = "化工厂爆炸 已致3人受伤";
        titled.author.verified = true;
        out.add(titled);
        Post repost = TestPosts.post("weibo:3", "weibo:1", "weibo:1", T0 + 2, "u3", 20);
        repost.text = "转发微博 太可怕了";
        repost.incidentRootId = "weibo:0";
        repost.author.location = "";
        out.add(repost);
        Post cue = TestPosts.post("weibo:4", "weibo:1", null, T0 + 3, "u4", 20);
        cue.text = "明天上午九点厂门口集合，一起去讨说法";
        cue.repostOf = "weibo:1";
        out.add(cue);
        Post anonymous = TestPosts.post("weibo:5", "weibo:1", "weibo:3", T0 + 4, "u5", 0);
        anonymous.author = null;
        anonymous.keywords = null;
        out.add(anonymous);
        Post located = TestPosts.post("weibo:6", "weibo:1", "weibo:1", T0 + 5, "u6", 7);
        located.author = new Author("u6", "名字", 7L, false, "广东 深圳");
        out.add(located);
        return out;
    }
}
