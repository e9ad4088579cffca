package org.fengxiang.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The end state every fault test demands: each post indexed once and final, the expected alert transitions, one e-mail each. */
final class Outcome {
    private Outcome() {}

    /**
     * Waits (bounded) for the expected end state, then asserts it exactly: {@code expected} transitions, and
     * {@code settled} (the offline run's {@link Oracle#settled}) in the documents of the posts that must be final.
     */
    static void await(EsView es, Path mailDir, FaultPosts posts, Set<String> expected, Map<String, String> settled, ChildJvm job)
            throws Exception {
        await(es, mailDir, posts, expected, settled, job, Set.of());
    }

    /**
     * As {@link #await(EsView, Path, FaultPosts, Set, Map, ChildJvm)}, except that the transitions in {@code inFlight}
     * (claimed PENDING in the ledger when the job was killed: the SMTP server may have accepted their mail just
     * before) may arrive twice, but then as one message: both copies carry the same Message-ID.
     */
    static void await(EsView es, Path mailDir, FaultPosts posts, Set<String> expected, Map<String, String> settled, ChildJvm job,
            Set<String> inFlight) throws Exception {
        Set<String> alertIds = Oracle.alertIds(expected);
        int n = posts.ids().size();
        Await.until(Duration.ofMinutes(3), () -> "posts " + es.posts() + "/" + n + ", transitions " + es.transitions()
                        + " expected " + expected + ", mails " + Mailbox.perTransition(mailDir, alertIds) + "\n" + job.logTail(),
                () -> job.requireAlive() && es.posts() == n && es.settled(posts.finalIds()).equals(settled) && es.transitions().equals(expected)
                        && Mailbox.perTransition(mailDir, alertIds).keySet().equals(Oracle.transitionIds(expected)));
        Thread.sleep(2000); // anything still in flight would show up now
        assertThat(es.posts()).as("post documents").isEqualTo(n);
        assertThat(es.postsWithIds(posts.ids())).as("documents with the posts' ids").isEqualTo(n);
        assertThat(settled).as("the offline run's final posts").hasSize(posts.finalIds().size());
        assertThat(es.settled(posts.finalIds())).as("documents hold the final posts (an early copy rewritten where it differed)")
                .isEqualTo(settled);
        assertThat(es.transitions()).as("alert transitions").isEqualTo(expected);
        Map<String, List<String>> mails = Mailbox.messageIds(mailDir, alertIds);
        assertThat(mails.keySet()).as("e-mailed transitions").isEqualTo(Oracle.transitionIds(expected));
        assertOncePerTransition(mails, inFlight, "e-mails per transition");
        Set<String> earlyIds = new java.util.TreeSet<>();
        for (String w : es.earlyWarnings()) earlyIds.add(w.substring(0, w.indexOf('#')));
        assertOncePerTransition(Mailbox.messageIds(mailDir, earlyIds), inFlight, "e-mails per early warning");
    }

    /** One e-mail per transition; one in flight at the kill may have come twice, but then under one Message-ID. */
    private static void assertOncePerTransition(Map<String, List<String>> mails, Set<String> inFlight, String what) {
        assertThat(mails).as(what + " (in flight at the kill: " + inFlight + ")").allSatisfy((t, ids) -> {
            if (inFlight.contains(t)) {
                assertThat(ids).as(t).hasSizeBetween(1, 2);
                assertThat(Set.copyOf(ids)).as(t + ": one Message-ID").hasSize(1);
            } else {
                assertThat(ids).as(t).hasSize(1);
            }
        });
    }
}
