package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.fengxiang.analytics.incident.IncidentIds;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

class EarlyCopyFunctionTest {
    @Test
    void earlyCopiesAreShedOnlyForPostsThatReachedTheJobLate() {
        long now = 1_800_000_000_000L;
        assertThat(EarlyCopyFunction.behind(now - 1_000, now, 5_000)).as("1 s behind").isFalse();
        assertThat(EarlyCopyFunction.behind(now - 5_000, now, 5_000)).as("exactly the bound").isFalse();
        assertThat(EarlyCopyFunction.behind(now - 5_001, now, 5_000)).as("past the bound").isTrue();
        assertThat(EarlyCopyFunction.behind(0, now, 5_000)).as("unknown ingestion time (files)").isFalse();
        assertThat(EarlyCopyFunction.behind(now - 3_600_000, now, 0)).as("shedding off").isFalse();
    }

    @Test
    void theEarlyCopyIsTheFinalDocumentOfAPostThatNothingChanges() {
        Post enriched = post("weibo:2", "weibo:1");
        enriched.incidentId = IncidentIds.of("weibo:1");
        Post copy = EarlyCopyFunction.earlyCopy(enriched, true);
        assertThat(copy.provisional).isTrue();
        assertThat(enriched.provisional).as("the post itself is not marked").isNull();
        enriched.earlyCopy = EarlyCopies.fingerprint(copy);

        // linking stamps an unlinked post with its own cascade; no near-duplicate found
        Post unchanged = new PostSerializer().copy(enriched);
        unchanged.incidentRootId = "weibo:1";
        unchanged.incidentId = IncidentIds.of("weibo:1");
        assertThat(EarlyCopies.finalIsEarlyCopy(unchanged)).isTrue();
        assertThat(Json.write(unchanged)).as("so the document already indexed is the final one").isEqualTo(Json.write(copy));

        Post duplicate = new PostSerializer().copy(unchanged);
        duplicate.dupOf = "weibo:0";
        assertThat(EarlyCopies.finalIsEarlyCopy(duplicate)).isFalse();
        Post linked = new PostSerializer().copy(unchanged);
        linked.incidentRootId = "news:9";
        linked.incidentId = IncidentIds.of("news:9");
        assertThat(EarlyCopies.finalIsEarlyCopy(linked)).isFalse();
        Post shed = new PostSerializer().copy(unchanged);
        shed.earlyCopy = 0;
        assertThat(EarlyCopies.finalIsEarlyCopy(shed)).as("no early copy: the final is always written").isFalse();
    }

    @Test
    void withoutLinkingTheEarlyCopyKeepsTheIncidentOfEnrichment() {
        Post enriched = post("weibo:2", null);
        enriched.incidentId = "inc-by-keys";
        Post copy = EarlyCopyFunction.earlyCopy(enriched, false);
        assertThat(copy.incidentId).isEqualTo("inc-by-keys");
        assertThat(copy.incidentRootId).isNull();
        enriched.earlyCopy = EarlyCopies.fingerprint(copy);
        assertThat(EarlyCopies.finalIsEarlyCopy(enriched)).isTrue();
    }

    @Test
    void theFingerprintTellsNullEmptyAndShiftedValuesApart() {
        Post a = post("x", null);
        Post b = post("x", null);
        a.dupOf = null;
        b.dupOf = "";
        assertThat(EarlyCopies.fingerprint(a)).isNotEqualTo(EarlyCopies.fingerprint(b));
        a.dupOf = "ab";
        a.incidentId = "c";
        b.dupOf = "a";
        b.incidentId = "bc";
        assertThat(EarlyCopies.fingerprint(a)).isNotEqualTo(EarlyCopies.fingerprint(b));
        assertThat(EarlyCopies.fingerprint(new Post())).isNotZero();
    }

    private static Post post(String id, String repostOf) {
        Post p = new Post();
        p.id = id;
        p.repostOf = repostOf;
        p.text = "地铁站积水严重";
        p.eventTime = 1_800_000_000_000L;
        return p;
    }
}
