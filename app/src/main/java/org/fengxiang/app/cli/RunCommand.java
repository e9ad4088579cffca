package org.fengxiang.app.cli;

import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.fengxiang.alerting.ack.AckServer;
import org.fengxiang.alerting.rules.RulesWatcher;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.KafkaIO;
import org.fengxiang.app.job.RetainedCheckpoints;
import org.fengxiang.app.job.StreamingRun;
import org.fengxiang.core.Config;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.core.Resources;
import org.fengxiang.stack.Endpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fengxiang run}: the streaming job on a local MiniCluster, against configured or embedded endpoints. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the streaming job (Kafka -> Elasticsearch + e-mail) until Ctrl-C, or until the current end with --bounded.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--bounded", description = "Stop at the end offsets the topic has at start.")
    boolean bounded;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Checkpoints and the raw archive go here (default: var/run under the project home).")
    java.nio.file.Path stateDir;

    @Option(names = "--resume", description = "Restore from the latest checkpoint retained in the state directory"
            + " (after a crash, a kill or Ctrl-C); starts from the committed offsets when there is none.")
    boolean resume;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        Components components = Components.from(cfg);
        String bootstrap = Endpoint.kafka(cfg);
        EsSettings es = Endpoint.elasticsearch(cfg);
        MailSettings mail = cfg.section("mail", MailSettings.class);
        if (cfg.get("mail.port") == null || "25".equals(cfg.get("mail.port"))) {
            try {
                Endpoints e = Endpoint.embedded(cfg);
                mail.host = e.smtpHost();
                mail.port = e.smtpPort();
            } catch (IllegalArgumentException notRunning) {
                // an external SMTP server from the configuration
            }
        }
        mail.validate();
        IndexSetup.install(es);
        AlertRulesReload.Live live = AlertRulesReload.live(components, cfg, config);
        components = live.components();
        RulesWatcher rules = live.watcher();
        StreamingRun.Plan plan = new StreamingRun.Plan(components, cfg.section("kafka", KafkaSettings.class), bootstrap,
                es, mail, stateDir != null ? stateDir.toAbsolutePath() : Resources.home().resolve("var/run"), parallelism,
                bounded ? KafkaIO.Range.TO_CURRENT_END : KafkaIO.Range.UNBOUNDED, "Asia/Shanghai");
        java.nio.file.Path restore = resume ? resumePoint(plan) : null;
        try (AckServer ack = mail.enabled && mail.ack.enabled ? AckServer.start(mail.ack, es, mail.zone, System.getenv()) : null) {
            if (ack != null) System.out.println("acknowledgement endpoint on " + mail.ack.bind + ":" + ack.port() + " (links: " + mail.ack.baseUrl + "/ack)");
            JobClient job = StreamingRun.start(plan, restore);
            System.out.println("streaming job " + job.getJobID() + " running"
                    + (parallelism > 0 ? " at parallelism " + parallelism : "") + ": kafka " + bootstrap + " -> " + es.urls
                    + (restore != null ? " (resumed from " + restore + ")" : "") + (bounded ? " (bounded)" : " (Ctrl-C stops it)"));
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread cancel = new Thread(() -> {
                if (!done.get()) job.cancel().join();
                closeQuietly(ack);
            });
            Runtime.getRuntime().addShutdownHook(cancel);
            job.getJobExecutionResult().get();
            done.set(true);
            System.out.println("streaming job finished");
        } finally {
            if (rules != null) rules.close();
        }
        return 0;
    }

    private static void closeQuietly(AckServer ack) {
        if (ack == null) return;
        try {
            ack.close();
        } catch (Exception e) {
            System.err.println("stopping the acknowledgement endpoint: " + e);
        }
    }

    /** The latest retained checkpoint (older jobs' checkpoints are deleted), or null when there is none. */
    private static java.nio.file.Path resumePoint(StreamingRun.Plan plan) {
        java.nio.file.Path dir = StreamingRun.checkpointDir(plan);
        java.util.Optional<java.nio.file.Path> latest = RetainedCheckpoints.latest(dir);
        latest.ifPresent(chk -> RetainedCheckpoints.pruneExcept(dir, chk));
        if (latest.isEmpty()) System.out.println("no retained checkpoint in " + dir + ": starting from the committed offsets");
        return latest.orElse(null);
    }
}
