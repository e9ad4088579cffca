package org.fengxiang.app.job;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.mail.AlertMailSink;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.stack.Topics;

/**
 * The streaming job: Kafka {@code posts} → the job graph → Elasticsearch, e-mail, the dead-letter
 * topic and the raw archive, checkpointed exactly-once on a local MiniCluster.
 */
public final class StreamingRun {
    /** Everything a streaming run needs. */
    public record Plan(Components components, KafkaSettings kafka, String bootstrap, EsSettings es, MailSettings mail,
                       Path varDir, int parallelism, KafkaIO.Range range, String archiveZone) {}

    private StreamingRun() {}

    /** Builds the job on a local MiniCluster (topics are created when missing). */
    public static StreamExecutionEnvironment build(Plan plan) {
        return build(plan, null, new Configuration());
    }

    /** Like {@link #build(Plan)} with extra Flink settings for the MiniCluster (e.g. {@code rest.port} for metrics). */
    public static StreamExecutionEnvironment build(Plan plan, Configuration flink) {
        return build(plan, null, flink);
    }

    /** Builds the job, restoring its state from a retained checkpoint (null: a fresh start from the committed offsets). */
    public static StreamExecutionEnvironment build(Plan plan, Path restoreFrom) {
        return build(plan, restoreFrom, new Configuration());
    }

    /** Builds the job with a checkpoint to restore (or null) and extra Flink settings. */
    public static StreamExecutionEnvironment build(Plan plan, Path restoreFrom, Configuration flink) {
        PipelineSettings ps = plan.components().pipeline();
        Topics.ensure(plan.bootstrap(), List.of(ps.topics.posts, ps.topics.deadLetter), plan.kafka().partitions);
        StreamExecutionEnvironment env = StreamingEnvironments.local(ps, checkpointDir(plan), plan.parallelism(), restoreFrom, flink);
        List<Sink<Alert>> notifiers = new ArrayList<>();
        if (plan.mail().enabled) notifiers.add(new AlertMailSink(plan.mail(), plan.es()));
        PipelineJob.Sinks sinks = DeliverySinks.elasticsearch(plan.es(),
                KafkaIO.deadLetterSink(plan.kafka(), plan.bootstrap(), ps.topics.deadLetter),
                new KafkaRejectHandler(plan.kafka(), plan.bootstrap(), ps.topics.deadLetter),
                notifiers,
                RawArchive.sink(plan.varDir().resolve("archive").toUri().toString(), ZoneId.of(plan.archiveZone())));
        PipelineSettings job = plan.range() == KafkaIO.Range.UNBOUNDED ? ps : ps.forBoundedInput();
        new PipelineJob(KafkaIO.postsSource(plan.kafka(), plan.bootstrap(), ps.topics.posts, ps.consumerGroup, plan.range()),
                plan.components().enrichment(), plan.components().detection(), sinks, job).build(env);
        return env;
    }

    /** Where the run's checkpoints go: {@code <varDir>/checkpoints/<job id>/chk-N}. */
    public static Path checkpointDir(Plan plan) {
        return plan.varDir().resolve("checkpoints");
    }

    /** Runs until the source ends (bounded) or forever (unbounded; stop with {@link JobClient#cancel()}). */
    public static JobClient start(Plan plan) throws Exception {
        return start(plan, null);
    }

    /** Like {@link #start(Plan)}, restoring from a retained checkpoint when {@code restoreFrom} is not null. */
    public static JobClient start(Plan plan, Path restoreFrom) throws Exception {
        return build(plan, restoreFrom).executeAsync("fengxiang-streaming");
    }
}
