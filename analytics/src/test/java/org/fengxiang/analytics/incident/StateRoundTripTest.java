package org.fengxiang.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengxiang.analytics.incident.TestPosts.MIN;
import static org.fengxiang.analytics.incident.TestPosts.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

/**
 * Incident state restored from its serialised form (what a Flink checkpoint stores) behaves exactly
 * like the live state: a job restarted from a checkpoint emits the same snapshots.
 */
class StateRoundTripTest {
    @Test
    void snapshotsAreTheSameWhenTheStateIsRestoredAtEveryTick() {
        IncidentSettings s = new IncidentSettings();
        s.mobilisationLexicon = "";
        s.validate();
        List<Post> posts = TestPosts.cascade("root", T0, 4, 90, new Random(3));
        assertThat(run(posts, s, false)).isEqualTo(run(posts, s, true));
    }

    private static List<String> run(List<Post> posts, IncidentSettings s, boolean restoreEachTick) {
        IncidentProcessor p = new IncidentProcessor("root", s);
        List<String> out = new ArrayList<>();
        int next = 0;
        for (long t = T0 + MIN; t <= T0 + 26 * 60 * MIN; t += MIN) {
            while (next < posts.size() && posts.get(next).eventTime < t) p.onPost(posts.get(next++));
            for (Incident i : p.onTimer(t)) out.add(Json.write(i));
            if (restoreEachTick) p = Json.read(Json.write(p), IncidentProcessor.class).withSettings(s);
        }
        assertThat(out).isNotEmpty();
        return out;
    }
}
