package org.fengxiang.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fengxiang.alerting.es.EsIndices;

/**
 * Watches Elasticsearch from outside the job: the number of searchable posts (sampled each second), when latency
 * probes become searchable (a search, which only sees refreshed documents) and when each alert transition first
 * becomes searchable (both polled every 200 ms).
 */
final class EsWatcher implements Runnable {
    private static final long PROBE_POLL_MS = 200;
    /**
     * Probes asked for per poll, oldest first: 200 every 200 ms covers 100,000 posts/s becoming searchable. It used
     * to be 1,000: while the job was far behind, those ids queries were ~17 % of Elasticsearch's CPU on a slow VM
     * (JFR, 2026-11-27), load the watcher put on the node it measures.
     */
    private static final int PROBES_PER_POLL = 200;
    private final ElasticsearchClient client;
    private final EsIndices indices;
    private final Probes probes;
    private final List<long[]> counts = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final List<String> ALERT_FIELDS = List.of("id", "sequence", "level", "status", "originPostId", "detectedAtMillis");
    private final Map<String, AlertSeen> alerts = new ConcurrentHashMap<>();
    private final java.util.Set<String> seenDocIds = ConcurrentHashMap.newKeySet();
    private volatile boolean stop;
    private volatile String lastError;

    /** An alert transition: id, sequence, level, status, origin post, window end (event time) and when first searchable. */
    record AlertSeen(String id, int sequence, String level, String status, String originPostId, long detectedAtMillis,
                     long seenMillis) {}

    EsWatcher(ElasticsearchClient client, EsIndices indices, Probes probes) {
        this.client = client;
        this.indices = indices;
        this.probes = probes;
    }

    @Override
    public void run() {
        long nextCount = 0;
        while (!stop) {
            long now = System.currentTimeMillis();
            attempt(this::pollProbes);
            attempt(this::pollAlerts);
            if (now >= nextCount) {
                attempt(() -> counts.add(new long[] {now, countPosts()}));
                nextCount = now + 1000;
            }
            sleep(Math.max(10, PROBE_POLL_MS - (System.currentTimeMillis() - now)));
        }
    }

    private interface Poll {
        void run() throws Exception;
    }

    private void attempt(Poll p) {
        try {
            p.run();
        } catch (Exception e) {
            lastError = e.toString(); // indices may not exist yet; keep polling
        }
    }

    @SuppressWarnings("rawtypes")
    private void pollProbes() throws Exception {
        List<String> ids = probes.pending(PROBES_PER_POLL);
        if (ids.isEmpty()) return;
        var r = client.search(s -> s.index(indices.postsAlias()).size(ids.size()).source(src -> src.fetch(false))
                .query(q -> q.ids(i -> i.values(ids))), Map.class);
        long at = System.currentTimeMillis();
        List<String> found = new ArrayList<>();
        for (Hit<Map> h : r.hits().hits()) found.add(h.id());
        probes.found(found, at);
    }

    private long countPosts() throws Exception {
        return client.count(c -> c.index(indices.postsAlias())).count();
    }

    @SuppressWarnings("rawtypes")
    private void pollAlerts() throws Exception {
        // only transitions not seen yet, and only the fields the timings need: the watcher must not load the node it measures
        List<String> seen = new ArrayList<>(seenDocIds);
        var r = client.search(s -> s.index(indices.alertTransitionsAlias()).size(1000)
                .source(src -> src.filter(f -> f.includes(ALERT_FIELDS)))
                .query(q -> q.bool(b -> b.mustNot(m -> m.ids(i -> i.values(seen))))), Map.class);
        long at = System.currentTimeMillis();
        for (Hit<Map> h : r.hits().hits()) {
            Map src = h.source();
            if (src == null) continue;
            seenDocIds.add(h.id());
            String id = String.valueOf(src.get("id"));
            int seq = ((Number) src.getOrDefault("sequence", 0)).intValue();
            alerts.computeIfAbsent(id + "#" + seq, k -> new AlertSeen(id, seq, String.valueOf(src.get("level")),
                    String.valueOf(src.get("status")), String.valueOf(src.get("originPostId")),
                    ((Number) src.getOrDefault("detectedAtMillis", 0L)).longValue(), at));
        }
    }

    /** Searchable posts at the sample closest to {@code millis}. */
    long countAt(long millis) {
        synchronized (counts) {
            return nearest(counts, millis);
        }
    }

    /** Growth of the searchable count between {@code from} and {@code to} in posts per second (see {@link #slope}). */
    double ratePerSecond(long from, long to) {
        synchronized (counts) {
            return slope(counts, from, to);
        }
    }

    /**
     * The least-squares slope, per second, of the {time, count} samples in [{@code from}, {@code to}]: the sustained
     * rate, which a momentary stall at either end (a collection, a checkpoint's flush, a refresh) barely moves, where
     * a difference of the two end samples takes the stall's whole shortfall. Falls back to that difference with fewer
     * than three samples in the window.
     */
    static double slope(List<long[]> samples, long from, long to) {
        double n = 0;
        double st = 0;
        double sc = 0;
        double stt = 0;
        double stc = 0;
        for (long[] c : samples) {
            if (c[0] < from || c[0] > to) continue;
            double t = (c[0] - from) / 1000.0;
            n++;
            st += t;
            sc += c[1];
            stt += t * t;
            stc += t * c[1];
        }
        double denominator = n * stt - st * st;
        if (n < 3 || denominator <= 0) return (nearest(samples, to) - nearest(samples, from)) / Math.max(1e-3, (to - from) / 1000.0);
        return (n * stc - st * sc) / denominator;
    }

    private static long nearest(List<long[]> samples, long millis) {
        long best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (long[] c : samples) {
            long d = Math.abs(c[0] - millis);
            if (d < bestDistance) {
                bestDistance = d;
                best = c[1];
            }
        }
        return best;
    }

    long latestCount() {
        synchronized (counts) {
            return counts.isEmpty() ? 0 : counts.get(counts.size() - 1)[1];
        }
    }

    int probesPending() {
        return probes.pendingCount();
    }

    List<AlertSeen> alerts() {
        return new ArrayList<>(alerts.values());
    }

    String lastError() {
        return lastError;
    }

    void stop() {
        stop = true;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
