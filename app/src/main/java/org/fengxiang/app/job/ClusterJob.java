package org.fengxiang.app.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.mail.AlertMailSink;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;
import org.fengxiang.core.Rejected;
import org.fengxiang.core.Config;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.core.Resources;

/**
 * The entry point of the job jar for a real Flink cluster:
 * {@code flink run -c org.fengxiang.app.job.ClusterJob fengxiang-job.jar --config prod.yaml --set k=v}.
 * Defaults come from the {@code config/} files packed in the jar; checkpoints and the raw archive go
 * to {@code cluster.checkpoints} and {@code cluster.archive} (any Flink file system URI). With
 * {@code cluster.bounded=true} the job stops at the topic's end offsets at start; with {@code cluster.output=DIR}
 * it writes JSONL part files instead of Elasticsearch and e-mail (used to compare a cluster run with {@code analyze}).
 */
public final class ClusterJob {
    /** Cluster-only settings (configuration section {@code cluster}). */
    public static class ClusterSettings {
        public String checkpoints = "file:///tmp/fengxiang/checkpoints";
        public String archive = "file:///tmp/fengxiang/archive";
        public String zone = "Asia/Shanghai";
        /** Stop at the end offsets the posts topic has when the job starts (a bounded run, like {@code run --bounded}). */
        public boolean bounded;
        /**
         * A directory (shared by all TaskManagers) to write {@code posts/incidents/alerts/rejected} part files into
         * instead of Elasticsearch, e-mail and the dead-letter topic, for comparing a cluster run with {@code analyze}
         * ({@link OutputFiles#merge} makes the parts one sorted file each); null = the production sinks.
         */
        public String output;
    }

    private ClusterJob() {}

    public static void main(String[] args) throws Exception {
        Config cfg = load(args);
        Components c = Components.from(cfg);
        PipelineSettings ps = c.pipeline();
        ClusterSettings cluster = cfg.section("cluster", ClusterSettings.class);
        KafkaSettings kafka = cfg.section("kafka", KafkaSettings.class);
        String bootstrap = kafka.effectiveBootstrap();
        if (bootstrap == null || bootstrap.isBlank()) throw new IllegalArgumentException("kafka.bootstrapServers is required on a cluster");
        StreamExecutionEnvironment env = StreamingEnvironments.cluster(ps, cluster.checkpoints);
        KafkaIO.Range range = cluster.bounded ? KafkaIO.Range.TO_CURRENT_END : KafkaIO.Range.UNBOUNDED;
        PipelineSettings job = cluster.bounded ? ps.forBoundedInput() : ps;
        new PipelineJob(KafkaIO.postsSource(kafka, bootstrap, ps.topics.posts, ps.consumerGroup, range),
                c.enrichment(), c.detection(), sinks(cfg, cluster, kafka, bootstrap, ps), job).build(env);
        env.execute("fengxiang");
    }

    private static PipelineJob.Sinks sinks(Config cfg, ClusterSettings cluster, KafkaSettings kafka, String bootstrap,
                                           PipelineSettings ps) {
        if (cluster.output != null && !cluster.output.isBlank()) {
            Path out = Path.of(cluster.output);
            return new PipelineJob.Sinks(new JsonLinesSink<Post>(out, "posts"), new JsonLinesSink<Incident>(out, "incidents"),
                    new JsonLinesSink<Alert>(out, "alerts"), new JsonLinesSink<Rejected>(out, "rejected"));
        }
        EsSettings es = cfg.section("elasticsearch", EsSettings.class).validate();
        MailSettings mail = cfg.section("mail", MailSettings.class).validate();
        List<Sink<Alert>> notifiers = new ArrayList<>();
        if (mail.enabled) notifiers.add(new AlertMailSink(mail, es));
        return DeliverySinks.elasticsearch(es, KafkaIO.deadLetterSink(kafka, bootstrap, ps.topics.deadLetter),
                new KafkaRejectHandler(kafka, bootstrap, ps.topics.deadLetter), notifiers,
                RawArchive.sink(cluster.archive, ZoneId.of(cluster.zone)));
    }

    /** Packed defaults, then --config files, then --set overrides. */
    static Config load(String[] args) throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (String f : List.of("fengxiang.yaml", "ingest.yaml", "analytics.yaml", "incidents.yaml", "alerting.yaml", "delivery.yaml")) {
            try (var in = Resources.open("config/" + f)) {
                yaml.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        Config cfg = Config.fromYaml(yaml.toString());
        List<Path> files = new ArrayList<>();
        Map<String, String> sets = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) files.add(Path.of(args[++i]));
            else if (args[i].equals("--set") && i + 1 < args.length) {
                String kv = args[++i];
                int eq = kv.indexOf('=');
                if (eq < 1) throw new IllegalArgumentException("--set needs key=value: " + kv);
                sets.put(kv.substring(0, eq), kv.substring(eq + 1));
            } else throw new IllegalArgumentException("unknown argument " + args[i] + " (use --config FILE, --set k=v)");
        }
        for (Path f : files) cfg = cfg.with(flatten(Files.readString(f)));
        return cfg.with(sets);
    }

    private static Map<String, String> flatten(String yaml) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            walk("", new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml), out);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("bad configuration file: " + e.getMessage(), e);
        }
        return out;
    }

    private static void walk(String prefix, com.fasterxml.jackson.databind.JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else {
            out.put(prefix, n.isTextual() ? n.asText() : n.toString());
        }
    }
}
