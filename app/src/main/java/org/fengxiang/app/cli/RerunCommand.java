package org.fengxiang.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.api.connector.source.Source;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.KafkaIO;
import org.fengxiang.app.job.OfflineRun;
import org.fengxiang.app.job.RawArchive;
import org.fengxiang.app.job.RawRecord;
import org.fengxiang.app.rerun.RerunIndexer;
import org.fengxiang.app.rerun.RerunProgress;
import org.fengxiang.app.rerun.RunDiff;
import org.fengxiang.app.rerun.Reruns;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Config;
import org.fengxiang.core.Json;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.core.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fengxiang rerun}: the same job graph over a past time range, into var/reruns/NAME, never e-mailing. */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Rerun the job graph over [--from, --to) from Kafka, the raw archive or a file; never sends e-mail.",
        subcommands = {RerunCommand.Diff.class, RerunCommand.ListRuns.class, RerunCommand.Delete.class})
public final class RerunCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "T1", description = "Start (ISO-8601 with offset), inclusive.") OffsetDateTime from;
    @Option(names = "--to", paramLabel = "T2", description = "End (ISO-8601 with offset), exclusive.") OffsetDateTime to;
    @Option(names = "--source", defaultValue = "archive", paramLabel = "kafka|archive|FILE", description = "Where to read (default: ${DEFAULT-VALUE}).") String source;
    @Option(names = "--tag", paramLabel = "NAME", description = "Name of the rerun (default: rerun-<from>).") String tag;
    @Option(names = "--parallelism", defaultValue = "2") int parallelism;
    @Option(names = "--no-index", description = "Only write var/reruns/NAME, do not index into Elasticsearch.") boolean noIndex;
    @Option(names = "--rules", defaultValue = "history", paramLabel = "history|config",
            description = "Alert rules: the versions the live run recorded (default, when a history exists) or the configuration.")
    String rules;
    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        if (from == null || to == null) throw new IllegalArgumentException("rerun needs --from and --to");
        if (!from.isBefore(to)) throw new IllegalArgumentException("--from must be before --to");
        String name = Reruns.validate(tag != null ? tag : "rerun-" + from.toLocalDate());
        Config cfg = config.load().with(java.util.Map.of("mail.enabled", "false"));
        if (!List.of("history", "config").contains(rules)) throw new IllegalArgumentException("--rules must be history or config");
        Components c = AlertRulesReload.rerun(Components.from(cfg), cfg, "history".equals(rules));
        long t1 = from.toInstant().toEpochMilli();
        long t2 = to.toInstant().toEpochMilli();
        // A rerun is bounded: it may hold the whole range until the final watermark, so the order in
        // which archive files or partitions are read never makes a post late (results follow event time).
        c.pipeline().outOfOrdernessSeconds = Math.max(c.pipeline().outOfOrdernessSeconds, (t2 - t1) / 1000 + 1);
        Source<RawRecord, ?, ?> src = switch (source) {
            case "kafka" -> KafkaIO.rangeSource(cfg.section("kafka", KafkaSettings.class), Endpoint.kafka(cfg),
                    c.pipeline().topics.posts, t1 - c.pipeline().outOfOrdernessSeconds * 1000, Long.MAX_VALUE == t2 ? t2 : t2 + 3_600_000);
            case "archive" -> RawArchive.source(Resources.home().resolve("var/run/archive").toUri().toString(),
                    from.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().minusDays(1),
                    to.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1));
            default -> {
                if (!Files.isRegularFile(Path.of(source))) throw new IllegalArgumentException("no such file: " + source);
                yield OfflineRun.files(List.of(Path.of(source)));
            }
        };
        Path out = Reruns.dir(name);
        System.out.println("rerun " + name + ": " + from + " .. " + to + " from " + source + " -> " + out);
        OfflineRun.Summary s;
        try (RerunProgress progress = new RerunProgress(out, -1)) {
            s = OfflineRun.run(src, out, parallelism, c.enrichment(), c.detection(), c.pipeline(), t1, t2);
        }
        System.out.printf("rerun %s done: %d posts, %d incidents, %d alert transitions, %d rejected (files in %s)%n",
                name, s.posts(), s.incidents(), s.alerts(), s.rejected(), out);
        if (!noIndex) {
            var indexed = RerunIndexer.index(RerunIndexer.settingsFor(Endpoint.elasticsearch(cfg), name), out);
            System.out.println("indexed into " + String.join(", ", indexed) + " (live indices untouched)");
        }
        return 0;
    }

    /** Which alerts appeared, vanished, or fired earlier or later between two reruns. */
    @Command(name = "diff", mixinStandardHelpOptions = true, description = "Compare the alerts of two reruns (or analyze output directories).")
    static final class Diff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "A") String a;
        @Parameters(index = "1", paramLabel = "B") String b;

        @Override
        public Integer call() throws Exception {
            List<Alert> runA = alerts(a);
            List<Alert> runB = alerts(b);
            int changed = 0;
            for (RunDiff.Change ch : RunDiff.diff(runA, runB)) {
                if (ch.kind().equals("same")) continue;
                changed++;
                System.out.printf("%-9s %s  %s  Δ=%+ds%n", ch.kind(), ch.incidentId(), ch.levels(runA, runB), ch.deltaSeconds());
            }
            System.out.println(changed + " incident(s) differ");
            return 0;
        }

        private static List<Alert> alerts(String run) throws Exception {
            Path d = Files.isDirectory(Path.of(run)) ? Path.of(run) : Reruns.dir(run);
            Path f = d.resolve("alerts.jsonl");
            if (!Files.isRegularFile(f)) throw new IllegalArgumentException("no alerts.jsonl in " + d);
            return Files.readAllLines(f).stream().filter(l -> !l.isBlank()).map(l -> Json.read(l, Alert.class)).toList();
        }
    }

    /** Lists reruns. */
    @Command(name = "list", description = "List reruns, oldest first.")
    static final class ListRuns implements Callable<Integer> {
        @Override
        public Integer call() {
            Reruns.list().forEach(System.out::println);
            return 0;
        }
    }

    /** Deletes a rerun. */
    @Command(name = "delete", description = "Delete a rerun's outputs.")
    static final class Delete implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--keep-indices", description = "Keep the rerun's Elasticsearch indices.") boolean keepIndices;
        @Mixin ConfigOptions config;

        @Override
        public Integer call() throws Exception {
            if (!keepIndices) {
                var deleted = RerunIndexer.delete(RerunIndexer.settingsFor(Endpoint.elasticsearch(config.load()), name));
                System.out.println("deleted indices " + deleted);
            }
            Reruns.delete(name);
            System.out.println("deleted rerun " + name);
            return 0;
        }
    }
}
