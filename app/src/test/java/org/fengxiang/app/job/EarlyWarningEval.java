package org.fengxiang.app.job;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.fengxiang.app.cli.ConfigOptions;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.fengxiang.core.PostParser;

/**
 * Evaluates the early warnings against the confirmed alerts of an {@code analyze} run over the same posts:
 * the posts are fed to {@link EarlyWarnings} in an arrival order (event time plus a random delay of up to
 * {@code maxDelaySeconds}, seeded), and each early warning is matched with the confirmed {@code open}
 * transition of the same incident. Prints coverage (confirmed alert threads that were warned of early), lead
 * in event time (confirmed window end minus early window end; the live gain adds the disorder bound), grade
 * agreement and early warnings that no confirmed alert followed. Usage:
 * {@code EarlyWarningEval POSTS.jsonl ANALYZE_OUT [maxDelaySeconds] [seed]}.
 */
public final class EarlyWarningEval {
    private EarlyWarningEval() {}

    public static void main(String[] args) throws Exception {
        Path posts = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long maxDelay = args.length > 2 ? Long.parseLong(args[2]) * 1000 : 0;
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 7);
        Components c = Components.from(new ConfigOptions().load());
        Enrichment enrichment = c.enrichment().create();
        List<Post> arriving = new ArrayList<>();
        Map<String, Long> arrival = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(posts, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                PostParser.Result p = PostParser.parse(line);
                if (!p.ok()) continue;
                Post e = enrichment.enrich(p.post());
                arriving.add(e);
                arrival.put(e.id, e.eventTime + (maxDelay == 0 ? 0 : (long) (random.nextDouble() * maxDelay)));
            }
        }
        arriving.sort(Comparator.comparingLong((Post p) -> arrival.get(p.id)).thenComparing(p -> p.id));
        List<Alert> early = warn(c.detection(), arriving, c.pipeline().earlyAlertsWaitSeconds * 1000);
        List<Alert> opens = opens(out.resolve("alerts.jsonl"));
        report(early, firstPerIncident(opens), maxDelay);
        threads(early, opens);
    }

    /** Replays the early path: its watermark is the newest event time less the wait; due ticks fire in time order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Alert> warn(PipelineJob.Detection detection, List<Post> arriving, long waitMillis) {
        EarlyWarnings w = detection.early();
        Map<String, EarlyWarnings.Key> keys = new HashMap<>();
        TreeMap<Long, java.util.Set<String>> timers = new TreeMap<>();
        List<Alert> out = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        for (Post p : arriving) {
            String key = detection.keys().key(p);
            long tick = w.onPost(keys.computeIfAbsent(key, k -> new EarlyWarnings.Key()), key, p);
            if (tick >= 0) timers.computeIfAbsent(tick, t -> new java.util.TreeSet<>()).add(key);
            long check = w.checkAfter(keys.get(key), p);
            if (check >= 0) timers.computeIfAbsent(check, t -> new java.util.TreeSet<>()).add(key);
            newest = Math.max(newest, p.eventTime);
            fire(w, keys, timers, newest - waitMillis, out);
        }
        fire(w, keys, timers, Long.MAX_VALUE, out);
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void fire(EarlyWarnings w, Map<String, EarlyWarnings.Key> keys, TreeMap<Long, java.util.Set<String>> timers,
                             long watermark, List<Alert> out) {
        while (!timers.isEmpty() && timers.firstKey() <= watermark) {
            var due = timers.pollFirstEntry();
            for (String key : due.getValue()) {
                out.addAll(w.isCheck(due.getKey()) ? w.onCheck(keys.get(key), key, due.getKey()) : w.onTick(keys.get(key), key, due.getKey()));
            }
        }
    }

    /** The {@code open} transitions (one per alert thread) of an analyze output. */
    static List<Alert> opens(Path alerts) throws Exception {
        List<Alert> opens = new ArrayList<>();
        for (String line : Files.readAllLines(alerts, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            Alert a = Json.read(line, Alert.class);
            if ("open".equals(a.status)) opens.add(a);
        }
        return opens;
    }

    /** The earliest alert of each incident. */
    static Map<String, Alert> firstPerIncident(List<Alert> alerts) {
        Map<String, Alert> first = new TreeMap<>();
        for (Alert a : alerts) first.merge(a.incidentId, a, (x, y) -> x.detectedAtMillis <= y.detectedAtMillis ? x : y);
        return first;
    }

    static void report(List<Alert> early, Map<String, Alert> confirmed, long maxDelay) {
        Map<String, Alert> firstEarly = firstPerIncident(early);
        int warned = 0;
        int sameGrade = 0;
        List<Long> leads = new ArrayList<>();
        for (Alert a : confirmed.values()) {
            Alert e = firstEarly.get(a.incidentId);
            if (e == null) continue;
            warned++;
            if (e.level.equals(a.level)) sameGrade++;
            leads.add(a.detectedAtMillis - e.detectedAtMillis);
        }
        long unconfirmed = firstEarly.keySet().stream().filter(id -> !confirmed.containsKey(id)).count();
        leads.sort(null);
        System.out.printf(Locale.ROOT, "arrival delay up to %d s: %d early warnings on %d incidents; %d confirmed incidents, %d of them"
                        + " warned early (%.3f), grade equal %d; lead in event time min/p50/max %s / %s / %s min (+ the disorder bound live);"
                        + " early warnings without a confirmed alert: %d%n",
                maxDelay / 1000, early.size(), firstEarly.size(), confirmed.size(), warned,
                confirmed.isEmpty() ? 0.0 : warned / (double) confirmed.size(), sameGrade,
                minutes(leads, 0), minutes(leads, leads.size() / 2), minutes(leads, leads.size() - 1), unconfirmed);
    }

    /** Every early warning against every confirmed open (each alert thread): same incident within a minute. */
    static void threads(List<Alert> early, List<Alert> opens) {
        long matched = early.stream().filter(e -> opens.stream().anyMatch(o -> near(o, e))).count();
        long covered = opens.stream().filter(o -> early.stream().anyMatch(e -> near(o, e))).count();
        System.out.printf(Locale.ROOT, "alert threads: %d confirmed opens, %d of them with an early warning within a minute;"
                + " %d of %d early warnings within a minute of a confirmed open%n", opens.size(), covered, matched, early.size());
    }

    private static boolean near(Alert confirmed, Alert early) {
        return confirmed.incidentId.equals(early.incidentId) && Math.abs(confirmed.detectedAtMillis - early.detectedAtMillis) <= 60_000;
    }

    private static String minutes(List<Long> sorted, int i) {
        return sorted.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", sorted.get(i) / 60_000.0);
    }
}
