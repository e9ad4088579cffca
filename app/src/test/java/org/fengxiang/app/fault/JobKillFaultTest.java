package org.fengxiang.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fengxiang.alerting.mail.LedgerEntry;
import org.fengxiang.app.job.RetainedCheckpoints;
import org.fengxiang.app.job.StreamingEnvironments;
import org.fengxiang.stack.Endpoints;
import org.fengxiang.stack.SharedStack;
import org.fengxiang.stack.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job (its own JVM, checkpointing every 3 s) is SIGKILLed mid-stream and started again with
 * {@code run --resume}: it restores the latest retained checkpoint, and in the end every post is in
 * Elasticsearch exactly once, the alert transitions equal an undisturbed offline run's (on the heap), and each
 * transition was e-mailed exactly once. Once with each state backend; the RocksDB run (incremental checkpoints)
 * resumes at parallelism 1 instead of 2, so its key groups, held elements and Kafka splits are redistributed.
 */
class JobKillFaultTest {
    @TempDir Path tmp;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void killedJobResumesFromItsCheckpointWithoutLossOrRepeats() throws Exception {
        killAndResume("fault-kill", 2);
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void killedRocksDbJobResumesFromItsIncrementalCheckpointAtAnotherParallelismWithoutLossOrRepeats() throws Exception {
        killAndResume("fault-kill-rocksdb", 1, "pipeline.stateBackend=rocksdb", "pipeline.rocksdbMemoryMiB=128");
    }

    private void killAndResume(String name, int resumeParallelism, String... settings) throws Exception {
        Endpoints ep = SharedStack.get();
        FaultPosts posts = FaultPosts.generate(name, 3, 70, 5);
        Set<String> expected = Oracle.transitions(posts, tmp.resolve("oracle"));
        java.util.Map<String, String> settled = Oracle.settled(tmp.resolve("oracle"), posts.finalIds());
        assertThat(expected).as("the scenario raises alerts").hasSizeGreaterThanOrEqualTo(3);
        Topics.ensure(ep.kafkaBootstrap(), List.of(StreamingChild.topic(name), StreamingChild.topic(name) + ".dlq"), 2);
        Path state = tmp.resolve("state");
        long t0 = System.nanoTime();
        try (EsView es = new EsView(ep.elasticsearchUrl(), name); FaultFeed feed = new FaultFeed(ep.kafkaBootstrap(), StreamingChild.topic(name));
             ChildJvm first = StreamingChild.start(ep, name, state, tmp.resolve("job-1.log"), settings)) {
            CompletableFuture<Void> fed = feed.send(posts.lines(), 30);
            Set<String> alertIds = Oracle.alertIds(expected);
            // mid-stream, after a completed checkpoint and after the first alert e-mail is recorded SENT (so the replay meets a sent one)
            Await.until(Duration.ofMinutes(3), () -> "posts " + es.posts() + ", checkpoint " + RetainedCheckpoints.latest(state.resolve("checkpoints"))
                    + ", mails " + Mailbox.perTransition(ep.mailDir(), alertIds) + ", ledger " + es.ledger() + "\n" + first.logTail(),
                    () -> first.requireAlive() && es.posts() >= posts.lines().size() / 4 && RetainedCheckpoints.latest(state.resolve("checkpoints")).isPresent()
                            && mailedAndSent(Mailbox.perTransition(ep.mailDir(), alertIds).keySet(), es.ledger()));
            if (List.of(settings).contains("pipeline.stateBackend=rocksdb")) {
                Path working = StreamingEnvironments.rocksdbWorkingDir(state.resolve("checkpoints"));
                try (var files = java.nio.file.Files.walk(working)) {
                    assertThat(files.filter(p -> p.getFileName().toString().endsWith(".sst") || p.getFileName().toString().startsWith("MANIFEST")))
                            .as("RocksDB's working files under " + working).isNotEmpty();
                }
            }
            first.kill();
            // a transition claimed but not yet recorded SENT may be sent again with the same Message-ID (the documented window)
            Set<String> inFlight = new TreeSet<>();
            es.ledger().forEach((key, status) -> { if (LedgerEntry.PENDING.equals(status)) inFlight.add(key); });
            long atKill = es.posts();
            System.out.printf("SIGKILL after %d s with %d of %d posts indexed, %d sent, %d mails, in flight %s%n", Await.secondsSince(t0),
                    atKill, posts.ids().size(), feed.sent(), Mailbox.perTransition(ep.mailDir(), alertIds).size(), inFlight);
            assertThat(atKill).as("killed mid-stream").isLessThan(posts.lines().size());

            try (ChildJvm second = StreamingChild.start(ep, name, state, tmp.resolve("job-2.log"), resumeParallelism, settings)) {
                fed.get(3, TimeUnit.MINUTES);
                feed.send(posts.markers(), 10).get(1, TimeUnit.MINUTES);
                Outcome.await(es, ep.mailDir(), posts, expected, settled, second, inFlight);
                assertThat(second.logText()).contains("at parallelism " + resumeParallelism).contains("resumed from " + state.resolve("checkpoints"));
                second.stop(Duration.ofSeconds(30));
            }
        }
        System.out.printf("job kill fault test (%s): %d s%n", name, Await.secondsSince(t0));
    }

    /** At least one transition was e-mailed, and the ledger records every e-mailed one as sent. */
    private static boolean mailedAndSent(Set<String> mailed, Map<String, String> ledger) {
        return !mailed.isEmpty() && mailed.stream().allMatch(t -> LedgerEntry.SENT.equals(ledger.get(t)));
    }
}
