package org.fengxiang.alerting.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Retention by deleting whole monthly posts indices (no delete-by-query): an index is expired when
 * its whole month ends at or before {@code now - keep}.
 */
public final class Retention {
    private Retention() {}

    /** Deletes the expired posts indices of the settings' prefix; returns their names. */
    public static List<String> deleteOlderThan(ElasticsearchClient client, EsSettings settings, Duration keep,
            Instant now) throws IOException {
        EsIndices names = EsIndices.of(settings);
        Collection<String> existing = client.indices().get(b -> b.index(names.postsAlias() + "-*")
                .allowNoIndices(true).ignoreUnavailable(true)).result().keySet();
        List<String> expired = expired(names, existing, keep, now);
        if (!expired.isEmpty()) client.indices().delete(b -> b.index(expired));
        return expired;
    }

    /** As above for the default prefix {@code fengxiang}. */
    public static List<String> deleteOlderThan(ElasticsearchClient client, Duration keep, Instant now)
            throws IOException {
        return deleteOlderThan(client, new EsSettings(), keep, now);
    }

    /** The posts indices among {@code indices} whose month ended at or before {@code now - keep}, sorted. */
    static List<String> expired(EsIndices names, Collection<String> indices, Duration keep, Instant now) {
        if (keep.isNegative()) throw new IllegalArgumentException("keep must not be negative: " + keep);
        Instant cutoff = now.minus(keep);
        TreeSet<String> out = new TreeSet<>();
        for (String index : indices) {
            Optional<YearMonth> month = names.postsIndexMonth(index);
            if (month.isEmpty()) continue;
            Instant end = month.get().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (!end.isAfter(cutoff)) out.add(index);
        }
        return new ArrayList<>(out);
    }

    /** Parses {@code 180d}, {@code 12h}, {@code 30m} or an ISO-8601 duration ({@code P180D}). */
    public static Duration parseKeep(String text) {
        String t = text == null ? "" : text.trim().toLowerCase();
        if (t.matches("\\d+d")) return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
        if (t.matches("\\d+h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
        if (t.matches("\\d+m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        try {
            return Duration.parse(text.trim().toUpperCase());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad retention duration '" + text + "' (use e.g. 180d)");
        }
    }
}
