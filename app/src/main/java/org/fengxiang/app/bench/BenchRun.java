package org.fengxiang.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.KafkaIO;
import org.fengxiang.app.job.StreamingRun;
import org.fengxiang.core.Config;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.stack.EmbeddedStack;
import org.fengxiang.stack.Endpoints;
import org.fengxiang.stack.FlinkRest;
import org.fengxiang.stack.Service;
import org.fengxiang.stack.StackControl;
import org.fengxiang.stack.StackSettings;
import org.fengxiang.stack.StackStatus;

/**
 * The load run: starts the embedded stack (Kafka, Elasticsearch, SMTP, each its own JVM; or uses the one
 * {@code stack up} started), runs the streaming job
 * on a MiniCluster in this JVM, produces realistic posts at each rate in turn (each step with an incident burst),
 * then keeps a low background rate until every burst's alerts and e-mails arrived (or time runs out), measuring
 * everything from outside the job at the real boundaries (Kafka ack, Elasticsearch search, SMTP receipt).
 */
public final class BenchRun {
    /** What to run; {@code warmup} at {@code warmupRate} posts/s precedes the measured steps (not reported). */
    public record Options(List<Integer> rates, Duration step, int parallelism, Burst burst, int probeEvery,
                          int drainRate, Duration drainTimeout, Path workDir, boolean useRunningStack, Duration warmup,
                          int warmupRate) {}

    /** Everything measured. */
    public record Result(List<StepResult> steps, List<AlertTiming> alerts, long disorderMillis, long checkpointMillis,
                         int parallelism, int partitions, Map<String, Object> machine, Map<String, long[]> indexing,
                         long warmupSeconds, int warmupRate, long settleSeconds, long backlogAtFirstStep) {}

    /** The longest the bench keeps the warm-up rate after the warm-up for the job to work off its backlog. */
    static final Duration MAX_SETTLE = Duration.ofSeconds(300);

    private BenchRun() {}

    /** Runs on a stack started for the run, or on the one {@code stack up} started ({@code useRunningStack}). */
    public static Result run(Options o, Config cfg) throws Exception {
        say("timing the calibration workload (machine speed, before anything starts)");
        Machine.calibrateBeforeRun();
        if (o.useRunningStack()) {
            StackStatus st = StackControl.status(cfg.section("stack", StackSettings.class).resolvedDataDir());
            if (!st.running() || st.endpoints() == null) {
                throw new IllegalArgumentException("no running embedded stack: start it with ./fengxiang stack up, or drop --use-running-stack");
            }
            say("using the running embedded stack under " + st.dataDir());
            return onStack(o, cfg, st.endpoints(), st.pids(), "bench" + Long.toString(System.currentTimeMillis(), 36));
        }
        say("starting the embedded stack under " + o.workDir().resolve("stack"));
        // a load run measures steady state: the service JVMs get the full JIT, with the configured heaps
        StackSettings configured = cfg.section("stack", StackSettings.class);
        List<String> jvm = configured.longRunningJvmOptions();
        try (EmbeddedStack stack = EmbeddedStack.builder().dataDir(o.workDir().resolve("stack"))
                .heapMb(configured.kafkaHeapMb, configured.elasticsearchHeapMb, configured.mailHeapMb).jvmOptions(jvm).build()) {
            Endpoints ep = stack.start();
            return onStack(o, cfg, ep, stack.pids(), "bench");
        }
    }

    /** On a started stack: topics and indices named after {@code name} (unique on a shared stack), then the measurement. */
    private static Result onStack(Options o, Config cfg, Endpoints ep, Map<Service, Long> stackPids, String name) throws Exception {
        Components components = Components.from(cfg);
        var ps = components.pipeline();
        ps.topics.posts = name + "-posts";
        ps.topics.deadLetter = name + "-posts.dlq";
        KafkaSettings kafka = cfg.section("kafka", KafkaSettings.class);
        EsSettings es = cfg.section("elasticsearch", EsSettings.class);
        es.urls = List.of(ep.elasticsearchUrl());
        es.indexPrefix = name;
        es.validate();
        MailSettings mail = mailSettings(cfg, ep, o.workDir());
        ElasticsearchClient client = EsClients.create(es);
        try {
            IndexSetup.install(client, es);
            return measure(o, components, kafka, ep, es, mail, client, stackPids);
        } finally {
            EsClients.close(client);
        }
    }

    private static Result measure(Options o, Components components, KafkaSettings kafka, Endpoints ep, EsSettings es,
                                  MailSettings mail, ElasticsearchClient client, Map<Service, Long> stackPids) throws Exception {
        var ps = components.pipeline();
        int restPort = freePort();
        Configuration flink = new Configuration();
        flink.set(RestOptions.PORT, restPort);
        StreamingRun.Plan plan = new StreamingRun.Plan(components, kafka, ep.kafkaBootstrap(), es, mail, o.workDir().resolve("job"),
                o.parallelism(), KafkaIO.Range.UNBOUNDED, "Asia/Shanghai");
        JobClient job = StreamingRun.build(plan, flink).executeAsync("fengxiang-bench");
        Probes probes = new Probes();
        EsWatcher esWatcher = new EsWatcher(client, EsIndices.of(es), probes);
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("bench JVM (MiniCluster, producer)", ProcessHandle.current().pid());
        stackPids.forEach((s, pid) -> pids.put(s.id(), pid));
        JobSampler sampler = new JobSampler(new FlinkRest("http://127.0.0.1:" + restPort), pids);
        Thread esThread = daemon(esWatcher, "bench-es-watch");
        Thread sampleThread = daemon(sampler, "bench-sampler");
        Map<String, LoadProducer.Production> productions = new LinkedHashMap<>();
        long settleSeconds = 0;
        long backlogAtFirstStep = 0;
        Map<String, Long> ackedAtEnd = new LinkedHashMap<>();
        long lag = (ps.outOfOrdernessSeconds + ps.checkpointIntervalSeconds) * 1000 + 5000; // the longest a post may take
        try (LoadProducer producer = new LoadProducer(ep.kafkaBootstrap(), ps.topics.posts,
                new PostGenerator(System.nanoTime(), Long.toString(System.currentTimeMillis(), 36)), probes, o.probeEvery())) {
            awaitRunning(job);
            if (!o.warmup().isZero()) {
                say("warm-up at " + o.warmupRate() + "/s for " + o.warmup().toSeconds() + " s (not measured: the JIT compilers of every JVM"
                        + " take a core for minutes after a start)");
                sampler.step("warmup");
                producer.run(o.warmupRate(), o.warmup(), null, null);
                settleSeconds = settle(o, producer, esWatcher);
            }
            backlogAtFirstStep = Math.max(0, producer.ackedTotal() - esWatcher.latestCount());
            for (int rate : o.rates()) {
                String name = rate + "/s";
                say("step " + name + " for " + o.step().toSeconds() + " s (burst of " + o.burst().perSecond() + "/s for "
                        + o.burst().seconds() + " s at " + o.burst().startSecond() + " s)");
                sampler.step(name);
                productions.put(name, producer.run(rate, o.step(), o.burst(), name));
                ackedAtEnd.put(name, producer.ackedTotal());
                say(String.format(java.util.Locale.ROOT, "  produced %.0f/s; searchable so far %d%s", productions.get(name).ratePerSecond(),
                        esWatcher.latestCount(), esWatcher.lastError() == null ? "" : " (last Elasticsearch error: " + esWatcher.lastError() + ")"));
            }
            sampler.step("drain");
            drain(o, producer, esWatcher, new MailWatcher(ep.mailDir()), productions, lag);
        } finally {
            esWatcher.stop();
            sampler.stop();
            job.cancel().get();
            esThread.join(5000);
            sampleThread.join(5000);
        }
        List<StepResult> steps = new ArrayList<>();
        for (int rate : o.rates()) {
            String name = rate + "/s";
            steps.add(StepSummary.of(name, rate, o.step(), productions.get(name), ackedAtEnd.get(name), esWatcher, probes,
                    sampler.samples(name)));
            say(name + ": " + StepSummary.line(steps.get(steps.size() - 1)));
        }
        List<AlertTiming> alerts = AlertTimings.of(esWatcher.alerts(), new MailWatcher(ep.mailDir()).scan(), productions);
        return new Result(steps, alerts, ps.outOfOrdernessSeconds * 1000, ps.checkpointIntervalSeconds * 1000, o.parallelism(),
                kafka.partitions, Machine.describe(), EsIndexingStats.of(client), o.warmup().toSeconds(), o.warmupRate(), settleSeconds, backlogAtFirstStep);
    }

    /**
     * Keeps the warm-up rate until the job has worked off the warm-up's backlog (acknowledged by Kafka, not yet
     * searchable: at most two seconds of the warm-up rate) or {@link #MAX_SETTLE} has passed, so that the first
     * measured step starts from a steady state rather than from minutes of JIT-compiler lag (on a slow machine the
     * first step started ~100 s behind). Returns the seconds it took.
     */
    private static long settle(Options o, LoadProducer producer, EsWatcher es) throws Exception {
        long start = System.currentTimeMillis();
        long limit = 2L * o.warmupRate();
        while (producer.ackedTotal() - es.latestCount() > limit && System.currentTimeMillis() - start < MAX_SETTLE.toMillis()) {
            producer.run(o.warmupRate(), Duration.ofSeconds(5), null, null);
        }
        long seconds = (System.currentTimeMillis() - start) / 1000;
        say("settled after " + seconds + " s: " + Math.max(0, producer.ackedTotal() - es.latestCount()) + " posts not yet searchable");
        return seconds;
    }

    /**
     * Low background load (it keeps the watermark moving) for at least one pipeline lag, then until every burst has a
     * mailed alert transition and every probe was found, or time runs out.
     */
    private static void drain(Options o, LoadProducer producer, EsWatcher esWatcher, MailWatcher mails,
                              Map<String, LoadProducer.Production> productions, long lagMillis) throws Exception {
        say("draining at " + o.drainRate() + "/s until every burst's alert e-mail arrived (at most " + o.drainTimeout().toSeconds() + " s)");
        long start = System.nanoTime();
        long deadline = start + o.drainTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            producer.run(o.drainRate(), Duration.ofSeconds(5), null, null);
            if (System.nanoTime() - start < lagMillis * 1_000_000L) continue;
            List<AlertTiming> now = AlertTimings.of(esWatcher.alerts(), mails.scan(), productions);
            if (AlertTimings.everyBurstMailed(now, productions.keySet()) && esWatcher.probesPending() == 0) return;
        }
        say("drain timeout: not every burst produced a mailed alert");
    }

    private static MailSettings mailSettings(Config cfg, Endpoints ep, Path work) {
        MailSettings mail = cfg.section("mail", MailSettings.class);
        mail.host = ep.smtpHost();
        mail.port = ep.smtpPort();
        mail.security = "none";
        mail.ledgerFile = work.resolve("mail-ledger.jsonl").toString();
        return mail.validate();
    }

    private static void awaitRunning(JobClient job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (job.getJobStatus().get() != org.apache.flink.api.common.JobStatus.RUNNING) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the job did not start in 120 s");
            Thread.sleep(200);
        }
        say("streaming job running");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int freePort() throws java.io.IOException {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void say(String s) {
        System.out.println("▶ " + s);
        System.out.flush();
    }
}
