package org.fengxiang.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fengxiang.alerting.rules.AlertRulesSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

class ReplayHarnessTest {
    /** JSONL lines of: a hot cascade, a cold one, and background posts, in event-time order. */
    static List<String> lines() {
        Random rnd = new Random(11);
        List<Post> posts = new ArrayList<>();
        posts.addAll(TestPosts.cascade("weibo:hot", TestPosts.T0 + 60 * TestPosts.MIN, 3.0, 90, rnd));
        posts.addAll(TestPosts.cascade("weibo:cold", TestPosts.T0, 0.05, 480, rnd));
        for (int i = 0; i < 50; i++) {
            posts.add(TestPosts.post("weibo:bg" + i, null, null, TestPosts.T0 + rnd.nextInt(600) * TestPosts.MIN, "b" + i, 5));
        }
        posts.sort((a, b) -> Long.compare(a.eventTime, b.eventTime));
        List<String> out = new ArrayList<>();
        for (Post p : posts) out.add(Json.write(p));
        return out;
    }

    static ReplayHarness harness(Long seed) {
        ReplayHarness h = new ReplayHarness(IncidentSettings.from(ReplayHarness.defaultConfig(java.util.Map.of())),
                AlertRulesSettings.from(ReplayHarness.defaultConfig(java.util.Map.of())));
        h.run(lines(), seed);
        return h;
    }

    @Test
    void theHotCascadeGetsOneAlertThreadAndNothingElseAlerts() {
        ReplayHarness h = harness(null);
        assertThat(h.rejected).isZero();
        assertThat(h.alerts).isNotEmpty();
        assertThat(h.alerts).extracting(a -> a.incidentId).containsOnly(IncidentIds.of("weibo:hot"));
        assertThat(h.alerts).extracting(a -> a.id).containsOnly(h.alerts.get(0).id);
        Alert open = h.alerts.get(0);
        assertThat(open.status).isEqualTo("open");
        assertThat(open.originPostId).isEqualTo("weibo:hot");
        assertThat(open.postCount).isBetween(40L, 60L);
        assertThat(h.alerts.get(h.alerts.size() - 1).status).isEqualTo("closed");
        assertThat(h.latest.get(IncidentIds.of("weibo:hot")).topSpreaders).isNotEmpty();
        assertThat(h.posts).allSatisfy(p -> assertThat(p.get("incidentId")).startsWith("inc-"));
        assertThat(h.latest).hasSize(52);
    }

    @Test
    void disorderedArrivalGivesIdenticalIncidentsAndAlerts() {
        ReplayHarness a = harness(null);
        ReplayHarness b = harness(99L);
        assertThat(b.alerts).extracting(Json::write).isEqualTo(a.alerts.stream().map(Json::write).toList());
        assertThat(b.latest.values()).extracting(Json::write)
                .isEqualTo(a.latest.values().stream().map(Json::write).toList());
    }
}
