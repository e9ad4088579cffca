package org.fengxiang.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;

/** The bench result as a table (stdout), JSON and Markdown, with the project's goals checked against the measurements. */
public final class BenchReport {
    private final BenchRun.Result r;

    public BenchReport(BenchRun.Result result) {
        this.r = result;
    }

    /** The Markdown report: machine, steps table, alert timings, goals. */
    public String markdown() {
        StringBuilder b = new StringBuilder("# fengxiang bench\n\n");
        b.append("Machine: ").append(r.machine()).append("  \n");
        b.append(String.format(Locale.ROOT, "Job: parallelism %d, %d Kafka partitions, checkpoint every %d s, allowed disorder %d s; %s.%n%n",
                r.parallelism(), r.partitions(), r.checkpointMillis() / 1000, r.disorderMillis() / 1000,
                r.warmupSeconds() > 0 ? "steps measured after a " + r.warmupSeconds() + " s warm-up at " + r.warmupRate() + " posts/s"
                        + " and " + r.settleSeconds() + " s more at that rate until the job had caught up (" + r.backlogAtFirstStep()
                        + " posts not yet searchable when the first step began)"
                        : "no warm-up (cold JVMs)"));
        b.append("| step | produced/s | searchable/s | backlog at end | post→searchable p50 / p95 / p99 | probes not found"
                + " | most back-pressured (ms/s) | busiest (ms/s) | peak RSS MiB | peak heap MiB | CPU ms/s | CPU ms per 1000 posts"
                + " | machine busy / stolen |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StepResult s : r.steps()) {
            b.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %d | %s | %d | %s (%.0f) | %s (%.0f) | %s | %d | %s | %.0f | %.0f %% / %.1f %% |%n", s.step(),
                    s.producedPerSecond(), s.searchablePerSecond(), s.backlogAtEnd(), s.searchable().seconds(), s.probesNotFound(),
                    s.mostBackPressured(), s.backPressuredMsPerSecond(), s.busiest(), s.busyMsPerSecond(), rss(s.peakRssMiB()),
                    s.peakHeapMiB(), cpu(s.cpuMsPerSecond()), s.cpuMsPerThousandPosts(), s.machineBusy() * 100, s.machineSteal() * 100));
        }
        for (StepResult s : r.steps()) {
            if (s.p50ByMinuteSeconds() == null || s.p50ByMinuteSeconds().isEmpty()) continue;
            StringBuilder m = new StringBuilder();
            for (double v : s.p50ByMinuteSeconds()) m.append(m.length() == 0 ? "" : ", ").append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v));
            b.append("\npost→searchable p50 by minute of step ").append(s.step()).append(" (s): ").append(m).append('\n');
            if (s.earlyCopiesShedByMinute() != null && !s.earlyCopiesShedByMinute().isEmpty()) {
                b.append("\nearly copies shed by minute of step ").append(s.step()).append(" (posts): ")
                        .append(s.earlyCopiesShedByMinute().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")))
                        .append(s.earlyCopiesShed() > 0 ? " (behind by more than pipeline.earlyPostsMaxLagSeconds, the job writes no early"
                                + " copy: those posts become searchable only in their final version, after the allowed disorder)" : "")
                        .append('\n');
            }
        }
        if (r.indexing() != null && !r.indexing().isEmpty()) {
            b.append("\nElasticsearch writes over the whole run (primaries; index operations / time spent indexing"
                    + " [/ documents: operations per document]): ");
            StringBuilder w = new StringBuilder();
            r.indexing().forEach((family, v) -> w.append(w.length() == 0 ? "" : "; ").append(family).append(' ')
                    .append(v[0]).append(" / ").append(String.format(Locale.ROOT, "%.1f s", v[1] / 1000.0))
                    .append(v.length > 2 && v[2] > 0 ? String.format(Locale.ROOT, " / %d: %.2f", v[2], (double) v[0] / v[2]) : ""));
            b.append(w).append(".\n");
        }
        b.append("\n| alert transition | step | level | status | searchable after window end | after window close"
                + " (end + disorder) | burst start → searchable | e-mail after alert searchable | e-mail after window close |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (AlertTiming a : r.alerts()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f s | %.1f s | %s | %s | %s |%n", a.transition(), a.step(), a.level(),
                    a.status(), a.afterWindowEnd() / 1e3, a.afterWindowClose(r.disorderMillis()) / 1e3,
                    a.burstStartMillis() < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", (a.searchableMillis() - a.burstStartMillis()) / 1e3),
                    !a.mailed() ? "no e-mail" : String.format(Locale.ROOT, "%.1f s", a.mailAfterAlert() / 1e3),
                    !a.mailed() ? "-" : String.format(Locale.ROOT, "%.1f s", (a.mailReceivedMillis() - a.windowEndMillis() - r.disorderMillis()) / 1e3)));
        }
        b.append("\n## Goals\n\n");
        goals().forEach((goal, verdict) -> b.append("- ").append(goal).append(": ").append(verdict).append('\n'));
        return b.toString();
    }

    /** Each goal with "met"/"NOT met" and the measured figure. */
    public Map<String, String> goals() {
        Map<String, String> g = new LinkedHashMap<>();
        StepResult best = null;
        for (StepResult s : r.steps()) if (s.sustained() && (best == null || s.searchablePerSecond() > best.searchablePerSecond())) best = s;
        double sustained = best == null ? 0 : best.searchablePerSecond();
        // strict: a step offered exactly 3,000/s measures ~3,000 +- 2 %, so the goal wants a step above it (e.g. 3500/s)
        g.put(">= 3,000 posts/s sustained into Elasticsearch", verdict(sustained >= 3000,
                best == null ? "no step kept up" : String.format(Locale.ROOT, "%.0f/s sustained at step %s", sustained, best.step())));
        StepResult at3000 = r.steps().stream().filter(s -> s.targetRate() >= 3000).findFirst().orElse(best);
        if (at3000 != null) {
            long p95 = at3000.searchable().p95();
            g.put("p95 post→searchable <= 5 s", verdict(p95 >= 0 && p95 <= 5000, p95 < 0
                    ? "no latency probe became searchable during step " + at3000.step()
                    : String.format(Locale.ROOT, "p95 %.2f s at step %s", p95 / 1e3, at3000.step())
                            + (at3000.earlyCopiesShed() > 0 ? String.format(Locale.ROOT, "; %d early copies shed in the step"
                                    + " (%.0f %% of its posts waited for the watermark)", at3000.earlyCopiesShed(),
                                    Math.min(100.0, 100.0 * at3000.earlyCopiesShed() / Math.max(1, at3000.produced()))) : "")));
        }
        List<Long> early = new ArrayList<>();
        List<Long> close = new ArrayList<>();
        List<Long> mail = new ArrayList<>();
        for (AlertTiming a : r.alerts()) {
            if (a.burstStartMillis() < 0) continue;
            if (Alert.isEarlyWarning(a.status())) early.add(a.afterWindowEnd());
            else close.add(a.afterWindowClose(r.disorderMillis()));
            if (a.mailed()) mail.add(a.mailAfterAlert());
        }
        Latency e = Latency.of(early);
        Latency c = Latency.of(close);
        Latency m = Latency.of(mail);
        g.put("p95 burst→alert <= 5 s after the window that shows it (early warning)", verdict(e.count() > 0 && e.p95() <= 5000,
                e.count() == 0 ? "no early warning of a burst seen" : String.format(Locale.ROOT,
                        "p95 %.2f s after the window end over %d early warnings", e.p95() / 1e3, e.count())));
        g.put("confirmed burst alerts after the window closes (end + disorder), for information", c.count() == 0 ? "none seen"
                : String.format(Locale.ROOT, "p95 %.2f s over %d transitions (%.0f s after the window end, which includes the %d s"
                        + " allowed disorder)", c.p95() / 1e3, c.count(), (c.p95() + r.disorderMillis()) / 1e3, r.disorderMillis() / 1000));
        g.put("alert→e-mail <= 15 s", verdict(m.count() > 0 && m.max() <= 15000,
                m.count() == 0 ? "no e-mail received" : String.format(Locale.ROOT, "max %.2f s, p95 %.2f s over %d e-mails",
                        m.max() / 1e3, m.p95() / 1e3, m.count())));
        return g;
    }

    private static String verdict(boolean met, String figure) {
        return (met ? "met" : "NOT met") + " (" + figure + ")";
    }

    private static String cpu(Map<String, Double> cpu) {
        StringBuilder b = new StringBuilder();
        cpu.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k.split(" ")[0]).append(' ').append(Math.round(v)));
        return b.length() == 0 ? "-" : b.toString();
    }

    private static String rss(Map<String, Long> rss) {
        StringBuilder b = new StringBuilder();
        rss.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k.split(" ")[0]).append(' ').append(v));
        return b.toString();
    }

    /** Writes {@code bench-TIMESTAMP.json} and {@code .md} into {@code dir}; returns the Markdown path. */
    public Path write(Path dir, String stamp) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", r);
        json.put("goals", goals());
        Files.writeString(dir.resolve("bench-" + stamp + ".json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json),
                StandardCharsets.UTF_8);
        Path md = dir.resolve("bench-" + stamp + ".md");
        Files.writeString(md, markdown(), StandardCharsets.UTF_8);
        return md;
    }
}
