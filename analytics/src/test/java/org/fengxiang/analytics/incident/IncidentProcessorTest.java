package org.fengxiang.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengxiang.analytics.incident.TestPosts.MIN;
import static org.fengxiang.analytics.incident.TestPosts.T0;
import static org.fengxiang.analytics.incident.TestPosts.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

class IncidentProcessorTest {
    static final IncidentSettings S = new IncidentSettings().validate();

    /** Several cascades: a quick burst, a slow one, a late plateau, and background singletons. */
    static List<Post> stream() {
        Random rnd = new Random(3);
        List<Post> all = new ArrayList<>();
        all.addAll(TestPosts.cascade("weibo:hot", T0 + 30 * MIN, 4.0, 60, rnd));
        all.addAll(TestPosts.cascade("weibo:slow", T0 + 10 * MIN, 0.15, 600, rnd));
        List<Post> late = TestPosts.cascade("weibo:late", T0, 0.05, 900, rnd);
        late.addAll(TestPosts.cascade("weibo:late", T0 + 300 * MIN, 2.0, 40, rnd).subList(1, 60));
        for (int i = 0; i < late.size(); i++) if (i > 0) late.get(i).id = "weibo:late-x" + i;
        all.addAll(late);
        for (int i = 0; i < 30; i++) all.add(post("weibo:bg" + i, null, null, T0 + rnd.nextInt(900) * MIN, "b" + i, 10));
        all.sort((a, b) -> Long.compare(a.eventTime, b.eventTime));
        return all;
    }

    static List<String> run(List<Post> arrival) {
        List<String> out = new ArrayList<>();
        IncidentReplay r = new IncidentReplay(S, 60_000, i -> out.add(Json.write(i)));
        for (Post p : arrival) r.onPost(p);
        r.finish();
        assertThat(r.processors()).isEmpty();
        return out;
    }

    @Test
    void arrivalOrderWithinTheLatenessDoesNotChangeTheOutput() {
        List<Post> posts = stream();
        List<String> reference = run(posts);
        assertThat(reference).isNotEmpty();
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed);
            Map<Post, Long> arrival = new LinkedHashMap<>();
            for (Post p : posts) arrival.put(p, p.eventTime + (long) (rnd.nextDouble() * 59_999));
            List<Post> shuffled = new ArrayList<>(posts);
            shuffled.sort((a, b) -> Long.compare(arrival.get(a), arrival.get(b)));
            assertThat(shuffled).isNotEqualTo(posts);
            assertThat(run(shuffled)).as("seed %d", seed).isEqualTo(reference);
        }
    }

    @Test
    void aBurstGoesThroughTheStagesAndFlatNoiseStaysLatent() {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        Map<String, Incident> last = new LinkedHashMap<>();
        IncidentReplay r = new IncidentReplay(S, 60_000, i -> {
            List<String> s = stages.computeIfAbsent(i.rootId, k -> new ArrayList<>());
            if (s.isEmpty() || !s.get(s.size() - 1).equals(i.stage)) s.add(i.stage);
            last.put(i.rootId, i);
        });
        for (Post p : stream()) r.onPost(p);
        r.finish();
        assertThat(stages.get("weibo:hot")).containsSubsequence("forming", "outbreak", "decline");
        assertThat(stages.get("weibo:slow")).containsOnly("latent");
        assertThat(stages.get("weibo:late")).contains("forming");
        assertThat(stages.get("weibo:late").get(0)).isEqualTo("latent");
        Incident hot = last.get("weibo:hot");
        assertThat(hot.finished).isTrue();
        assertThat(hot.originPostId).isEqualTo("weibo:hot");
        assertThat(hot.postCount).isGreaterThan(150);
        assertThat(hot.peakWindowCount).isGreaterThanOrEqualTo(30);
        assertThat(hot.topSpreaders).isNotEmpty();
        assertThat(hot.id).isEqualTo(IncidentIds.of("weibo:hot"));
        // a singleton emits one snapshot and finishes silently (no final snapshot for the bulk of posts)
        assertThat(last.get("weibo:bg0").postCount).isEqualTo(1);
        assertThat(last.get("weibo:bg0").finished).isFalse();
    }

    @Test
    void theRootArrivingAfterItsRepostsStillBecomesTheOrigin() {
        IncidentProcessor p = new IncidentProcessor("weibo:r", S);
        p.onPost(post("weibo:r-1", "weibo:r", "weibo:r", T0 + 10_000, "a", 1));
        List<Incident> first = p.onTimer(T0 + MIN);
        assertThat(first.get(0).originPostId).isEqualTo("weibo:r-1");
        p.onPost(post("weibo:r", null, null, T0 + 5_000, "root", 5)); // late, clock skew: applied at the next tick
        p.onPost(post("weibo:r-2", "weibo:r", "weibo:r", T0 + 70_000, "b", 1));
        Incident next = p.onTimer(T0 + 2 * MIN).get(0);
        assertThat(next.originPostId).isEqualTo("weibo:r");
        assertThat(next.firstSeen).isEqualTo("2026-03-02T08:00:05+08:00");
        assertThat(next.postCount).isEqualTo(3);
    }

    @Test
    void nextTimerFollowsTheContract() {
        IncidentProcessor p = new IncidentProcessor("weibo:r", S);
        assertThat(p.nextTimer()).isEqualTo(-1);
        p.onPost(post("weibo:r", null, null, T0 + 59_999, "root", 5));
        assertThat(p.nextTimer()).isEqualTo(T0 + MIN);
        p.onPost(post("weibo:r-1", "weibo:r", "weibo:r", T0 + MIN, "a", 1));
        assertThat(p.onTimer(T0 + MIN)).hasSize(1);
        assertThat(p.buffer).hasSize(1); // eventTime == tick is not applied yet
        assertThat(p.nextTimer()).isEqualTo(T0 + 2 * MIN);
        assertThat(p.onTimer(T0 + 2 * MIN).get(0).postCount).isEqualTo(2);
        assertThat(p.onTimer(T0 + 2 * MIN)).isEmpty(); // a repeated tick is harmless
        long t = p.nextTimer();
        while (!p.finished()) {
            p.onTimer(t);
            t = p.nextTimer();
        }
        assertThat(t).isEqualTo(-1);
    }

    @Test
    void jacksonRoundTripMidStreamContinuesIdentically() {
        List<Post> posts = stream();
        List<String> reference = run(posts);
        List<String> out = new ArrayList<>();
        IncidentReplay r = new IncidentReplay(S, 60_000, i -> out.add(Json.write(i)));
        for (int i = 0; i < posts.size(); i++) {
            r.onPost(posts.get(i));
            if (i % 97 == 0) {
                for (Map.Entry<String, IncidentProcessor> e : r.processors().entrySet()) {
                    String json = Json.write(e.getValue());
                    e.setValue(Json.read(json, IncidentProcessor.class).withSettings(S));
                }
            }
        }
        r.finish();
        assertThat(out).isEqualTo(reference);
    }

    @Test
    void postsAfterTheIdleExpiryStartANewLifecycleUnderTheSameId() {
        IncidentProcessor p = new IncidentProcessor("weibo:r", S);
        p.onPost(post("weibo:r", null, null, T0, "root", 5));
        p.onPost(post("weibo:r-1", "weibo:r", "weibo:r", T0 + 1000, "a", 1));
        p.onTimer(T0 + MIN);
        long expiry = T0 + (S.latentIdleMinutes + 1) * MIN;
        p.onPost(post("weibo:r-2", "weibo:r", "weibo:r", expiry + 5_000, "b", 1));
        List<Incident> out = p.onTimer(expiry);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).finished).isTrue();
        assertThat(p.finished()).isFalse();
        Incident reborn = p.onTimer(expiry + MIN).get(0);
        assertThat(reborn.id).isEqualTo(out.get(0).id);
        assertThat(reborn.postCount).isEqualTo(1);
        assertThat(reborn.finished).isFalse();
    }

    @Test
    void emptyKeywordsAndSentimentAreFine() {
        IncidentProcessor p = new IncidentProcessor("weibo:r", S);
        Post root = post("weibo:r", null, null, T0, "root", 5);
        root.keywords = null;
        root.author = null;
        p.onPost(root);
        Incident i = p.onTimer(T0 + MIN).get(0);
        assertThat(i.keywords).isEmpty();
        assertThat(i.negative + i.neutral + i.positive).isZero();
        assertThat(i.title).startsWith("原帖");
    }

    @Test
    void keywordsSentimentRegionsAndMobilisationAreAggregated() {
        IncidentProcessor p = new IncidentProcessor("weibo:r", S);
        for (int k = 0; k < 3; k++) {
            Post x = post("weibo:r" + (k == 0 ? "" : "-" + k), k == 0 ? null : "weibo:r", k == 0 ? null : "weibo:r", T0 + k, "u" + k, 10);
            x.keywords = new ArrayList<>(List.of("拆迁", k == 2 ? "补偿" : "村民"));
            x.sentiment = new org.fengxiang.core.Sentiment(k == 1 ? "positive" : "negative", 0.5);
            x.text = "明天上午九点村口集合，一起去讨说法";
            p.onPost(x);
        }
        Incident i = p.onTimer(T0 + MIN).get(0);
        assertThat(i.keywords).startsWith("拆迁", "村民");
        assertThat(i.negative).isEqualTo(2);
        assertThat(i.positive).isEqualTo(1);
        assertThat(i.regions).containsExactly("北京");
        assertThat(i.mobilisation).isTrue();
        assertThat(i.uniqueAuthors).isEqualTo(3);
    }
}
