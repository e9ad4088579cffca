package org.fengxiang.analytics.incident;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.fengxiang.alerting.rules.AlertProcessor;
import org.fengxiang.alerting.rules.AlertRulesSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Config;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.fengxiang.core.PostParser;
import org.fengxiang.core.Resources;

/**
 * Evaluation harness: replays a posts.jsonl through {@link IncidentReplay} and per-incident
 * {@link AlertProcessor}s exactly as the Flink job does, and writes OUT/posts.jsonl,
 * OUT/incidents.jsonl (latest snapshot per incident) and OUT/alerts.jsonl (every transition).
 * Usage: {@code ReplayHarness POSTS.jsonl OUT [--disorder SEED] [--set key=value]...}; {@code --disorder} delays each post
 * by a seeded random 0-59.999 s of arrival time (bounded out-of-orderness) instead of file order.
 */
public final class ReplayHarness {
    static final long LATENESS = 60_000;

    private final IncidentSettings incidentSettings;
    private final AlertRulesSettings alertSettings;
    final List<Map<String, String>> posts = new ArrayList<>();
    final TreeMap<String, Incident> latest = new TreeMap<>();
    final List<Alert> alerts = new ArrayList<>();
    private final Map<String, AlertProcessor> alertProcessors = new HashMap<>();
    long snapshots;
    long rejected;
    IncidentReplay replay;

    ReplayHarness(IncidentSettings is, AlertRulesSettings as) {
        this.incidentSettings = is;
        this.alertSettings = as;
    }

    /** Loads the default configuration files of the project. */
    static Config defaultConfig(Map<String, String> overrides) {
        Path dir = Resources.configDir();
        return Config.load(List.of(dir.resolve("incidents.yaml"), dir.resolve("alerting.yaml")), overrides);
    }

    void run(List<String> lines, Long disorderSeed) {
        List<Post> input = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) continue;
            PostParser.Result r = PostParser.parse(line);
            if (r.ok()) input.add(r.post());
            else rejected++;
        }
        if (disorderSeed != null) input = disorder(input, disorderSeed);
        replay = new IncidentReplay(incidentSettings, LATENESS, this::onSnapshot);
        for (Post p : input) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", p.id);
            row.put("incidentId", replay.onPost(p));
            posts.add(row);
        }
        replay.finish();
    }

    private void onSnapshot(Incident i) {
        snapshots++;
        latest.put(i.id, i);
        AlertProcessor ap = alertProcessors.computeIfAbsent(i.id, k -> new AlertProcessor(alertSettings));
        alerts.addAll(ap.onSnapshot(i));
        if (i.finished && ap.idle()) alertProcessors.remove(i.id);
    }

    /** Arrival order with bounded disorder: sort by event time plus a seeded delay in [0, lateness). */
    static List<Post> disorder(List<Post> in, long seed) {
        Random rnd = new Random(seed);
        Map<Post, Long> arrival = new HashMap<>();
        for (Post p : in) arrival.put(p, p.eventTime + (long) (rnd.nextDouble() * (LATENESS - 1)));
        List<Post> out = new ArrayList<>(in);
        out.sort(Comparator.comparingLong(arrival::get));
        return out;
    }

    void write(Path out) throws IOException {
        Files.createDirectories(out);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("posts.jsonl"), StandardCharsets.UTF_8)) {
            for (Map<String, String> p : posts) w.write(Json.write(p) + "\n");
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("incidents.jsonl"), StandardCharsets.UTF_8)) {
            for (Incident i : latest.values()) w.write(Json.write(i) + "\n");
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("alerts.jsonl"), StandardCharsets.UTF_8)) {
            for (Alert a : alerts) w.write(Json.write(a) + "\n");
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ReplayHarness POSTS.jsonl OUT [--disorder SEED] [--set key=value]...");
            System.exit(2);
        }
        Long seed = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (args[i].equals("--disorder")) seed = Long.parseLong(args[i + 1]);
            else if (args[i].equals("--set")) overrides.put(args[i + 1].split("=", 2)[0], args[i + 1].split("=", 2)[1]);
            else throw new IllegalArgumentException("unknown option " + args[i]);
        }
        Config c = defaultConfig(overrides);
        ReplayHarness h = new ReplayHarness(IncidentSettings.from(c), AlertRulesSettings.from(c));
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        }
        h.run(lines, seed);
        h.write(Path.of(args[1]));
        System.out.printf("posts=%d rejected=%d incidents=%d snapshots=%d alerts=%d timers=%d peakKeys=%d%n",
                h.posts.size(), h.rejected, h.latest.size(), h.snapshots, h.alerts.size(),
                h.replay.firedTimers(), h.replay.peakKeys());
    }
}
