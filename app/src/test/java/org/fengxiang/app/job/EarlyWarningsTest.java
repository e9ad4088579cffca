package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.alerting.rules.AlertProcessor;
import org.fengxiang.alerting.rules.AlertRulesSettings;
import org.fengxiang.analytics.incident.IncidentProcessor;
import org.fengxiang.analytics.incident.IncidentSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Config;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

/** The speculative detectors warn of a burst as its first minute ends, once, and stay quiet on small cascades. */
class EarlyWarningsTest {
    private static final long T0 = OffsetDateTime.parse("2026-05-01T09:00:00+08:00").toInstant().toEpochMilli();
    private final IncidentSettings incidentSettings = IncidentSettings.from(Config.empty());
    private final AlertRulesSettings rules = AlertRulesSettings.from(Config.empty());
    private final IncidentDriver incidents = new IncidentDriver(incidentSettings);
    private final EarlyWarnings<IncidentProcessor, AlertProcessor> early = new EarlyWarnings<>(incidents,
            new AlertDriver(rules), incidentSettings.tickMillis, rules.minPosts, 20 * 60_000, 0);
    private final EarlyWarnings<IncidentProcessor, AlertProcessor> checked = new EarlyWarnings<>(incidents,
            new AlertDriver(rules), incidentSettings.tickMillis, rules.minPosts, 20 * 60_000, 10_000);

    @Test
    void aBurstIsJudgedAtTheEndOfItsMinuteAndWarnedOfOnce() {
        EarlyWarnings.Key<IncidentProcessor, AlertProcessor> k = new EarlyWarnings.Key<>();
        assertThat(early.onPost(k, "ew:0", post("ew:0", T0, null, true))).as("below the floor: no tick").isEqualTo(-1);
        // 80 reposts within the first minute, arriving out of order; the tick asked for is the minute's end
        long tick = -1;
        for (int i = 80; i >= 1; i--) tick = Math.max(tick, early.onPost(k, "ew:0", post("ew:" + i, T0 + 700L * i, "ew:0", false)));
        assertThat(tick).isEqualTo(T0 + 60_000);
        assertThat(early.onTick(k, "ew:0", T0)).as("a tick before the minute's end judges nothing").isEmpty();

        List<Alert> warned = early.onTick(k, "ew:0", T0 + 60_000);
        assertThat(warned).hasSize(1);
        Alert a = warned.get(0);
        assertThat(a.status).isEqualTo(Alert.EARLY_WARNING);
        assertThat(a.id).isEqualTo("early-" + incidents.incidentId(post("ew:0", T0, null, true)) + "-202605010901");
        assertThat(a.detectedAtMillis).isEqualTo(T0 + 60_000);
        assertThat(a.postCount).isEqualTo(81);
        assertThat(a.originPostId).isEqualTo("ew:0");
        assertThat(a.evidencePostIds).contains("ew:0");
        assertThat(a.reasons.get(0)).startsWith("early warning: judged on the 81 posts received so far");
        assertThat(a.reasons).anyMatch(r -> r.startsWith("volume-spike"));
        assertThat(early.onTick(k, "ew:0", T0 + 60_000)).as("a tick judged once").isEmpty();

        // a straggler of the judged minute asks for the next tick; the thread stays open: later minutes escalate on
        // the confirmed path only
        assertThat(early.onPost(k, "ew:straggler", post("ew:straggler", T0 + 30_000, "ew:0", false))).isEqualTo(T0 + 120_000);
        List<Alert> later = new ArrayList<>();
        for (int i = 82; i < 400; i++) {
            long t = early.onPost(k, "ew:0", post("ew:" + i, T0 + 60_000 + 400L * i, "ew:0", false));
            later.addAll(early.onTick(k, "ew:0", t - 60_000));
        }
        later.addAll(early.onTick(k, "ew:0", T0 + 240_000));
        assertThat(later).isEmpty();
        assertThat(k.lastTick).isEqualTo(T0 + 240_000);
        // 20 min after the newest post (T0 + 219.6 s), rounded up to the minute
        assertThat(early.expiry(k)).isEqualTo(T0 + 240_000 + 20 * 60_000);
    }

    @Test
    void aSmallCascadeIsNeverJudged() {
        EarlyWarnings.Key<IncidentProcessor, AlertProcessor> k = new EarlyWarnings.Key<>();
        List<Long> ticks = new ArrayList<>();
        ticks.add(early.onPost(k, "sm:0", post("sm:0", T0, null, false)));
        for (int i = 1; i < rules.minPosts - 1; i++) {
            ticks.add(early.onPost(k, "sm:0", post("sm:" + i, T0 + 90_000L * i, "sm:0", false)));
        }
        assertThat(ticks).containsOnly(-1L);
        assertThat(early.onTick(k, "sm:0", T0 + 3_600_000)).isEmpty();
        assertThat(k.incident).isNotNull();
        assertThat(k.alert).as("below the rules' floor no snapshot is even built").isNull();
        assertThat(k.lastTick).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void midMinuteChecksWarnWhileTheFirstMinuteRunsAndTheMinuteEndDoesNotWarnAgain() {
        EarlyWarnings.Key<IncidentProcessor, AlertProcessor> k = new EarlyWarnings.Key<>();
        checked.onPost(k, "mc:0", post("mc:0", T0, null, true));
        List<Long> checks = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Post p = post("mc:" + i, T0 + 300L * i, "mc:0", false);
            checked.onPost(k, "mc:0", p);
            checks.add(checked.checkAfter(k, p));
        }
        // below the floor (40 posts) no check is asked for; then the next 10 s point
        assertThat(checks.subList(0, 38)).containsOnly(-1L);
        assertThat(checks.get(59)).isEqualTo(T0 + 20_000);
        assertThat(checked.isCheck(T0 + 20_000)).isTrue();
        assertThat(checked.isCheck(T0 + 60_000)).isFalse();

        List<Alert> warned = checked.onCheck(k, "mc:0", T0 + 20_000);
        assertThat(warned).hasSize(1);
        assertThat(warned.get(0).id).endsWith("-202605010901");
        assertThat(warned.get(0).detectedAtMillis).as("the minute it belongs to").isEqualTo(T0 + 60_000);
        assertThat(warned.get(0).reasons.get(0)).contains("61 posts received so far, 40 s before its minute ends");
        assertThat(k.lastTick).as("the state itself is untouched").isEqualTo(Long.MIN_VALUE);
        assertThat(checked.onCheck(k, "mc:0", T0 + 30_000)).as("one warning per minute").isEmpty();
        assertThat(checked.onTick(k, "mc:0", T0 + 60_000)).as("the minute's end does not warn again").isEmpty();
        assertThat(k.lastTick).isEqualTo(T0 + 60_000);
        assertThat(checked.checkAfter(k, post("mc:late", T0 + 59_000, "mc:0", false))).as("a judged minute is not checked").isEqualTo(-1);
    }

    @Test
    void checksMustDivideTheMinute() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EarlyWarnings<>(incidents, new AlertDriver(rules),
                60_000, 40, 20 * 60_000, 7_000)).hasMessageContaining("earlyAlertsCheckSeconds");
    }

    @Test
    void earlyIdsAndReasonsLeaveTheOpenTransitionRecognisable() {
        Alert open = new Alert();
        open.id = "alert-inc-x-202605010901";
        open.status = "open";
        open.reasons.add("volume: 81 posts");
        open.postCount = 81;
        Alert e = EarlyWarnings.early(open, 0);
        assertThat(e.id).isEqualTo("early-inc-x-202605010901");
        assertThat(e.reasons).hasSize(2).last().isEqualTo("volume: 81 posts");
    }

    @Test
    void postsHeldBelowTheFloorAndPromotedGiveTheSameWarningsAndStateAsPostsAppliedOnArrival() throws Exception {
        PostSerializer serializer = new PostSerializer();
        java.util.Random rnd = new java.util.Random(11);
        for (int run = 0; run < 3; run++) {
            // a slow start below the floor, then a burst; arrival slightly out of order
            List<Post> arrivals = new ArrayList<>();
            arrivals.add(post("eq:0", T0, null, run == 0));
            for (int i = 1; i < 30; i++) arrivals.add(post("eq:" + i, T0 + 20_000L * i + rnd.nextInt(5_000), "eq:0", false));
            for (int i = 30; i < 150; i++) arrivals.add(post("eq:" + i, T0 + 600_000 + 400L * i + rnd.nextInt(5_000), "eq:0", false));
            arrivals.get(5 + run).text = "明天上午九点厂门口集合，一起去讨说法";
            EarlyWarnings.Key<IncidentProcessor, AlertProcessor> direct = new EarlyWarnings.Key<>();
            EarlyWarnings.Key<IncidentProcessor, AlertProcessor> gated = new EarlyWarnings.Key<>();
            org.apache.flink.core.memory.DataOutputSerializer held = new org.apache.flink.core.memory.DataOutputSerializer(256);
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            int heldCount = 0;
            for (Post p : arrivals) {
                long t1 = checked.onPost(direct, "eq:0", p);
                long t2;
                if (checked.holdBelowFloor(gated, p)) {
                    serializer.serialize(incidents.compact(p), held);
                    heldCount++;
                    t2 = -1;
                } else {
                    if (gated.incident == null) {
                        org.apache.flink.core.memory.DataInputDeserializer in =
                                new org.apache.flink.core.memory.DataInputDeserializer(held.getCopyOfBuffer());
                        List<Post> back = new ArrayList<>();
                        while (in.available() > 0) back.add(serializer.deserialize(in));
                        assertThat(back).hasSize(heldCount);
                        checked.promote(gated, "eq:0", back);
                    }
                    t2 = checked.onPost(gated, "eq:0", p);
                }
                assertThat(t2).isEqualTo(t1);
                assertThat(checked.checkAfter(gated, p)).isEqualTo(checked.checkAfter(direct, p));
                assertThat(checked.expiry(gated)).isEqualTo(checked.expiry(direct));
                long now = p.eventTime - 1_000;
                for (long t = Math.floorDiv(now, 10_000) * 10_000; t <= now && t1 >= 0; t += 10_000) {
                    if (checked.isCheck(t)) {
                        checked.onCheck(direct, "eq:0", t).forEach(x -> a.add(org.fengxiang.core.Json.write(x)));
                        checked.onCheck(gated, "eq:0", t).forEach(x -> b.add(org.fengxiang.core.Json.write(x)));
                    } else {
                        checked.onTick(direct, "eq:0", t).forEach(x -> a.add(org.fengxiang.core.Json.write(x)));
                        checked.onTick(gated, "eq:0", t).forEach(x -> b.add(org.fengxiang.core.Json.write(x)));
                    }
                }
            }
            assertThat(heldCount).isEqualTo(rules.minPosts - 1);
            assertThat(a).as("the burst is warned of").isNotEmpty();
            assertThat(b).isEqualTo(a);
            assertThat(org.fengxiang.core.Json.write(gated.incident)).isEqualTo(org.fengxiang.core.Json.write(direct.incident));
            assertThat(gated.received).isEqualTo(direct.received);
        }
    }

    static Post post(String id, long at, String root, boolean verified) {
        Post p = new Post();
        p.id = id;
        p.source = "weibo";
        p.channel = "microblog";
        p.text = root == null ? "临江化工厂爆炸，现场浓烟滚滚" : "转发 太可怕了 #临江化工厂#";
        p.eventTime = at;
        p.publishedAt = java.time.Instant.ofEpochMilli(at).toString();
        p.keywords = new ArrayList<>(List.of("临江", "化工厂"));
        p.repostOf = root;
        p.parentId = root;
        p.author = new org.fengxiang.core.Author();
        p.author.id = "u-" + id;
        p.author.verified = verified;
        p.author.followers = verified ? 2_000_000L : 100L;
        return p;
    }
}
