package org.fengxiang.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Spreader;
import org.junit.jupiter.api.Test;

class AlertProcessorTest {
    static final long T0 = 1_772_380_800_000L; // 2026-03-02T00:00+08:00
    static final long MIN = 60_000;

    static AlertRulesSettings settings() {
        AlertRulesSettings s = new AlertRulesSettings();
        s.keywords.lexicon = ""; // no watched terms unless a test sets them
        return s.validate();
    }

    static Incident snap(long minute, long posts, long window, double z, String stage) {
        Incident i = new Incident();
        i.id = "inc-x";
        i.title = "某地发生一起事件";
        i.originPostId = "weibo:root";
        i.firstSeenMillis = T0;
        i.asOf = T0 + minute * MIN;
        i.postCount = posts;
        i.windowCount = window;
        i.windowMinutes = 10;
        i.burst = z;
        i.baselinePerHour = 2;
        i.growth = 1;
        i.stage = stage;
        i.topSpreaders = new ArrayList<>(List.of(new Spreader("weibo:s1", "u1", 30), new Spreader("weibo:s2", "u2", 12)));
        return i;
    }

    @Test
    void nothingBelowTheFloorOrWithoutATrigger() {
        AlertProcessor p = new AlertProcessor(settings());
        assertThat(p.onSnapshot(snap(5, 39, 30, 20, "outbreak"))).isEmpty();
        // 45 posts over 30 hours is an ordinary pace: no spike, no stream anomaly, no growth
        assertThat(p.onSnapshot(snap(1800, 45, 1, 0.5, "latent"))).isEmpty();
    }

    @Test
    void linkedCascadesAreMeasuredAgainstAsManyOrdinaryPosts() {
        // 60 posts in 2 hours, no spike, no growth: one cascade is a stream anomaly (expected 4)...
        Incident one = snap(120, 60, 5, 1.0, "latent");
        assertThat(new AlertProcessor(settings()).onSnapshot(one)).singleElement()
                .satisfies(a -> assertThat(a.reasons).anyMatch(r -> r.startsWith("stream-volume") && r.contains("an ordinary post")));
        // ...but 30 independent posts that text linking merged, with 30 reposts among them, are ordinary chatter.
        Incident merged = snap(120, 60, 5, 1.0, "latent");
        merged.cascades = 30;
        assertThat(new AlertProcessor(settings()).onSnapshot(merged)).isEmpty();
    }

    @Test
    void oneThreadOpensEscalatesCoolsDownDeescalatesAndCloses() {
        AlertProcessor p = new AlertProcessor(settings());
        List<Alert> all = new ArrayList<>();
        all.addAll(p.onSnapshot(snap(10, 45, 30, 12, "forming")));
        assertThat(all).singleElement().satisfies(a -> {
            assertThat(a.status).isEqualTo("open");
            assertThat(a.level).isEqualTo("blue");
            assertThat(a.rule).isEqualTo("volume-spike");
            assertThat(a.sequence).isEqualTo(1);
            assertThat(a.detectedAt).isEqualTo("2026-03-02T00:10:00+08:00");
            assertThat(a.reasons).anyMatch(r -> r.contains("z=12.0")).anyMatch(r -> r.contains("45 posts"));
            assertThat(a.evidencePostIds).containsExactly("weibo:root", "weibo:s1", "weibo:s2");
        });
        all.addAll(p.onSnapshot(snap(20, 210, 120, 15, "outbreak")));
        assertThat(all.get(1).status).isEqualTo("escalated");
        assertThat(all.get(1).level).isEqualTo("yellow");
        assertThat(all.get(1).rule).isEqualTo("volume");
        assertThat(all.get(1).id).isEqualTo(all.get(0).id);
        assertThat(all.get(1).sequence).isEqualTo(2);
        // orange volume 10 minutes later: the volume rule is cooling down (30 min)
        assertThat(p.onSnapshot(snap(30, 1100, 300, 15, "outbreak"))).isEmpty();
        all.addAll(p.onSnapshot(snap(51, 1200, 300, 15, "outbreak")));
        assertThat(all.get(2).level).isEqualTo("orange");
        all.addAll(p.onSnapshot(snap(100, 1300, 20, -1, "decline")));
        assertThat(all.get(3).status).isEqualTo("deescalated");
        assertThat(all.get(3).level).isEqualTo("yellow");
        assertThat(p.onSnapshot(snap(120, 1310, 10, -1, "decline"))).isEmpty();
        all.addAll(p.onSnapshot(snap(100 + 180, 1320, 2, -2, "decline")));
        assertThat(all.get(4).status).isEqualTo("closed");
        assertThat(all).extracting(a -> a.sequence).containsExactly(1, 2, 3, 4, 5);
        assertThat(all).extracting(a -> a.id).containsOnly("alert-inc-x-202603020010");
        assertThat(p.idle()).isTrue();
    }

    @Test
    void afterACloseOnlyARenewedBurstOpensANewThread() {
        AlertProcessor p = new AlertProcessor(settings());
        p.onSnapshot(snap(10, 50, 30, 12, "forming"));
        assertThat(p.onSnapshot(snap(300, 60, 0, -1, "decline"))).isEmpty(); // blue cannot go lower
        assertThat(p.onSnapshot(snap(600, 61, 0, -1, "decline"))).singleElement()
                .satisfies(a -> assertThat(a.status).isEqualTo("closed"));
        // still far above an ordinary post's volume, but no new burst: stays closed
        assertThat(p.onSnapshot(snap(610, 62, 1, 0, "latent"))).isEmpty();
        List<Alert> again = p.onSnapshot(snap(700, 120, 40, 9, "forming"));
        assertThat(again).singleElement().satisfies(a -> {
            assertThat(a.status).isEqualTo("open");
            assertThat(a.id).isEqualTo("alert-inc-x-202603021140");
            assertThat(p.thread).isEqualTo(2);
            assertThat(a.sequence).isEqualTo(1);
        });
    }

    @Test
    void boostersRaiseTheGradeWithTheirNumbers() {
        AlertRulesSettings s = settings();
        s.keywords.lexicon = "config/lexicon/watched.txt";
        AlertProcessor p = new AlertProcessor(s);
        Incident i = snap(10, 45, 30, 12, "forming");
        i.title = "某小区发生火灾";
        i.negative = 30;
        i.neutral = 10;
        i.influencers = new ArrayList<>(List.of(new Spreader("weibo:v", "big", 2_000_000)));
        i.mobilisation = true;
        i.mobilisationPosts = 3;
        Alert a = p.onSnapshot(i).get(0);
        assertThat(a.level).isEqualTo("orange"); // blue + at most 2 boosts
        assertThat(a.reasons).anyMatch(r -> r.contains("30 of 40")).anyMatch(r -> r.contains("火灾"))
                .anyMatch(r -> r.contains("2000000 followers")).anyMatch(r -> r.contains("3 posts call"));
        assertThat(a.evidencePostIds).contains("weibo:v");
    }

    @Test
    void aWatchedAccountBoosts() {
        AlertRulesSettings s = settings();
        s.accounts.ids = List.of("u2");
        Alert a = new AlertProcessor(s.validate()).onSnapshot(snap(10, 45, 30, 12, "forming")).get(0);
        assertThat(a.level).isEqualTo("yellow");
        assertThat(a.reasons).anyMatch(r -> r.contains("weibo:s2 by watched account u2"));
    }

    @Test
    void finishedIncidentClosesAndRedSkipsTheCooldown() {
        AlertProcessor p = new AlertProcessor(settings());
        p.onSnapshot(snap(10, 45, 30, 12, "forming"));
        List<Alert> red = p.onSnapshot(snap(12, 6000, 900, 30, "outbreak"));
        assertThat(red).singleElement().satisfies(a -> assertThat(a.level).isEqualTo("red"));
        Incident last = snap(2000, 6100, 0, -1, "decline");
        last.finished = true;
        assertThat(p.onSnapshot(last)).singleElement().satisfies(a -> assertThat(a.status).isEqualTo("closed"));
    }

    @Test
    void jacksonRoundTripMidThreadContinuesIdentically() {
        List<Incident> snaps = List.of(snap(10, 45, 30, 12, "forming"), snap(20, 210, 120, 15, "outbreak"),
                snap(30, 1100, 300, 15, "outbreak"), snap(51, 1200, 300, 15, "outbreak"),
                snap(100, 1300, 20, -1, "decline"), snap(300, 1320, 2, -2, "decline"));
        AlertProcessor straight = new AlertProcessor(settings());
        List<String> expected = new ArrayList<>();
        for (Incident i : snaps) straight.onSnapshot(i).forEach(a -> expected.add(Json.write(a)));
        AlertProcessor p = new AlertProcessor(settings());
        List<String> actual = new ArrayList<>();
        for (Incident i : snaps) {
            p = Json.read(Json.write(p), AlertProcessor.class).withSettings(settings());
            p.onSnapshot(i).forEach(a -> actual.add(Json.write(a)));
        }
        assertThat(actual).hasSize(5).isEqualTo(expected);
    }
}
