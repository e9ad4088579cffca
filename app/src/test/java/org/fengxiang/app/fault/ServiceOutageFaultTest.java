package org.fengxiang.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fengxiang.stack.EmbeddedStack;
import org.fengxiang.stack.Endpoints;
import org.fengxiang.stack.Service;
import org.fengxiang.stack.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One streaming job on its own embedded stack while posts keep flowing, through three service faults in a row:
 * the Kafka broker restarted (same port and data), Elasticsearch down for {@link #OUTAGE}, SMTP down for
 * {@link #OUTAGE}. Nobody touches the job. In the end every post is in Elasticsearch exactly once, the alert
 * transitions equal an undisturbed offline run's, and each transition was e-mailed exactly once, including those
 * raised while SMTP was down (delivered by the sender's retries with backoff).
 */
class ServiceOutageFaultTest {
    /** How long Elasticsearch and SMTP stay down (the issue asks for 60 s; {@code -Dfengxiang.fault.outageSeconds}). */
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("fengxiang.fault.outageSeconds", 60));
    /** How long the broker stays down between its stop and its restart. */
    static final Duration BROKER_DOWN = Duration.ofSeconds(10);
    private static final String NAME = "fault-outage";
    @TempDir Path tmp;

    @Test
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    void jobRidesOutBrokerRestartAndElasticsearchAndSmtpOutages() throws Exception {
        FaultPosts posts = FaultPosts.generate(NAME, 3, 100, 5);
        Set<String> expected = Oracle.transitions(posts, tmp.resolve("oracle"));
        java.util.Map<String, String> settled = Oracle.settled(tmp.resolve("oracle"), posts.finalIds());
        List<List<String>> slices = thirds(posts.lines());
        long t0 = System.nanoTime();
        try (EmbeddedStack stack = EmbeddedStack.builder().dataDir(Path.of("target", "fault-stack-" + ProcessHandle.current().pid())).build()) {
            Endpoints ep = stack.start();
            Topics.ensure(ep.kafkaBootstrap(), List.of(StreamingChild.topic(NAME), StreamingChild.topic(NAME) + ".dlq"), 2);
            try (EsView es = new EsView(ep.elasticsearchUrl(), NAME); FaultFeed feed = new FaultFeed(ep.kafkaBootstrap(), StreamingChild.topic(NAME));
                 ChildJvm job = StreamingChild.start(ep, NAME, tmp.resolve("state"), tmp.resolve("job.log"))) {
                brokerRestart(stack, es, feed, slices.get(0), job);
                int settled1 = FaultPosts.settled(slices.get(0));
                Await.until(Duration.ofMinutes(3), () -> "posts " + es.posts() + "/" + settled1 + "\n" + job.logTail(),
                        () -> job.requireAlive() && es.posts() >= settled1);
                System.out.printf("broker restart survived: %d s%n", Await.secondsSince(t0));
                outage(stack, Service.ELASTICSEARCH, feed, slices.get(1));
                int settled2 = FaultPosts.settled(posts.lines().subList(0, slices.get(0).size() + slices.get(1).size()));
                Await.until(Duration.ofMinutes(4), () -> "posts " + es.posts() + "/" + settled2 + "\n" + job.logTail(),
                        () -> job.requireAlive() && es.posts() >= settled2);
                System.out.printf("elasticsearch outage survived: %d s%n", Await.secondsSince(t0));
                List<String> last = new ArrayList<>(slices.get(2));
                last.addAll(posts.markers().subList(0, 2)); // every remaining alert, closings included, falls in the outage
                outage(stack, Service.MAIL, feed, last);
                assertThat(job.logText()).as("alert mails failed during the SMTP outage and were retried").contains("retrying in");
                feed.send(posts.markers().subList(2, 4), 10).get(1, TimeUnit.MINUTES);
                Outcome.await(es, ep.mailDir(), posts, expected, settled, job);
                System.out.printf("smtp outage survived: %d s%n", Await.secondsSince(t0));
                job.stop(Duration.ofSeconds(30));
            }
        }
        System.out.printf("service outage fault test: %d s%n", Await.secondsSince(t0));
    }

    /** Once the job is indexing, stops and restarts the broker while the rest of the first slice is published and consumed. */
    private static void brokerRestart(EmbeddedStack stack, EsView es, FaultFeed feed, List<String> slice, ChildJvm job) throws Exception {
        List<String> warmUp = slice.subList(0, 80);
        feed.send(warmUp, 40).get(2, TimeUnit.MINUTES);
        int settled = FaultPosts.settled(warmUp);
        Await.until(Duration.ofMinutes(3), () -> "posts " + es.posts() + "/" + settled + "\n" + job.logTail(),
                () -> job.requireAlive() && es.posts() >= settled);
        var fed = feed.send(slice.subList(warmUp.size(), slice.size()), 20);
        Thread.sleep(5000);
        long sentAtStop = feed.sent();
        assertThat(fed.isDone()).as("the broker goes down in the middle of the feed").isFalse();
        stack.stop(Service.KAFKA); // the feed's sends block meanwhile (metadata), the job's consumer retries
        Thread.sleep(BROKER_DOWN.toMillis());
        stack.restart(Service.KAFKA);
        System.out.printf("broker stopped after %d of the first %d posts were sent%n", sentAtStop, slice.size());
        fed.get(4, TimeUnit.MINUTES);
    }

    /** Takes a service down for {@link #OUTAGE} while the slice is published, then brings it back on the same port. */
    private static void outage(EmbeddedStack stack, Service service, FaultFeed feed, List<String> slice) throws Exception {
        stack.stop(service);
        long down = System.nanoTime();
        var fed = feed.send(slice, (int) Math.max(1, slice.size() / Math.max(1, OUTAGE.toSeconds() * 2 / 3)));
        fed.get(OUTAGE.toSeconds() + 60, TimeUnit.SECONDS);
        long left = OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000;
        if (left > 0) Thread.sleep(left);
        stack.restart(service);
        System.out.printf("%s down for %d s%n", service.id(), Await.secondsSince(down));
    }

    private static List<List<String>> thirds(List<String> lines) {
        int n = lines.size();
        return List.of(lines.subList(0, n / 3), lines.subList(n / 3, 2 * n / 3), lines.subList(2 * n / 3, n));
    }
}
