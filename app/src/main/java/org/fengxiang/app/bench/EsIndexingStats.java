package org.fengxiang.app.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Map;
import java.util.TreeMap;

/** Write load per index family at the end of a run (index operations, time spent indexing and documents, primaries). */
final class EsIndexingStats {
    private EsIndexingStats() {}

    /**
     * Index family (the index name without its monthly suffix) → {operations, indexing milliseconds, documents}; empty
     * when the node cannot be asked. Operations per document is the write amplification (early copies and rewrites).
     */
    static Map<String, long[]> of(ElasticsearchClient client) {
        Map<String, long[]> out = new TreeMap<>();
        try {
            client.indices().stats(s -> s.metric("indexing", "docs")).indices().forEach((name, stats) -> {
                if (name.startsWith(".") || stats.primaries() == null || stats.primaries().indexing() == null) return;
                var ix = stats.primaries().indexing();
                long[] sum = out.computeIfAbsent(name.replaceAll("-\\d{4}\\.\\d{2}$", ""), k -> new long[3]);
                sum[0] += ix.indexTotal();
                sum[1] += ix.indexTimeInMillis();
                if (stats.primaries().docs() != null) sum[2] += stats.primaries().docs().count();
            });
        } catch (Exception e) {
            out.clear();
        }
        return out;
    }
}
