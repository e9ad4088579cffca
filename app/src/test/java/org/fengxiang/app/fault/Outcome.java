package org.fengxiang.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The end state every fault test demands: each post indexed once and final, the expected alert transitions, one e-mail each. */
final class Outcome {
    private Outcome() {}

    /** Waits (bounded) for the expected end state, then asserts it exactly. */
    static void await(EsView es, Path mailDir, FaultPosts posts, Set<String> expected, ChildJvm job) throws Exception {
        Set<String> alertIds = Oracle.alertIds(expected);
        int n = posts.ids().size();
        Await.until(Duration.ofMinutes(3), () -> "posts " + es.posts() + "/" + n + ", transitions " + es.transitions()
                        + " expected " + expected + ", mails " + Mailbox.perTransition(mailDir, alertIds) + "\n" + job.logTail(),
                () -> job.requireAlive() && es.posts() == n && es.provisional(posts.finalIds()) == 0 && es.transitions().equals(expected)
                        && Mailbox.perTransition(mailDir, alertIds).keySet().equals(Oracle.transitionIds(expected)));
        Thread.sleep(2000); // anything still in flight would show up now
        assertThat(es.posts()).as("post documents").isEqualTo(n);
        assertThat(es.postsWithIds(posts.ids())).as("documents with the posts' ids").isEqualTo(n);
        assertThat(es.provisional(posts.finalIds())).as("early copies not replaced by their final post").isZero();
        assertThat(es.transitions()).as("alert transitions").isEqualTo(expected);
        Map<String, Integer> mails = Mailbox.perTransition(mailDir, alertIds);
        assertThat(mails.keySet()).as("e-mailed transitions").isEqualTo(Oracle.transitionIds(expected));
        assertThat(mails).as("e-mails per transition").allSatisfy((t, count) -> assertThat(count).as(t).isEqualTo(1));
        Set<String> earlyIds = new java.util.TreeSet<>();
        for (String w : es.earlyWarnings()) earlyIds.add(w.substring(0, w.indexOf('#')));
        assertThat(Mailbox.perTransition(mailDir, earlyIds)).as("e-mails per early warning")
                .allSatisfy((t, count) -> assertThat(count).as(t).isEqualTo(1));
    }
}
