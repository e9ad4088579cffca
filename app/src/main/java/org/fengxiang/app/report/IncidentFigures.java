package org.fengxiang.app.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Post;
import org.fengxiang.core.Sentiment;

/** The numbers behind a post-mortem report: volume and sentiment per window, depth, reach, regions. */
public final class IncidentFigures {
    /** One time window of the timeline. */
    public record Bucket(long start, long posts, long negative, long neutral, long positive) {
        /** Mean sentiment in [-1, 1] of the posts with a sentiment: (positive − negative) / scored. */
        public double net() {
            long scored = negative + neutral + positive;
            return scored == 0 ? 0 : (double) (positive - negative) / scored;
        }
    }

    private IncidentFigures() {}

    /** A window length giving at most ~{@code maxBuckets} windows, rounded to 1, 5, 10, 15, 30, 60 minutes or hours. */
    public static long windowMillis(long first, long last, int maxBuckets) {
        long span = Math.max(1, last - first);
        long[] steps = {60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000};
        for (long s : steps) if (span / s < maxBuckets) return s;
        return 86_400_000L * (span / (86_400_000L * maxBuckets) + 1);
    }

    /** Posts per window from the first post's window to the last's, empty windows included. */
    public static List<Bucket> timeline(List<Post> posts, long window) {
        if (posts.isEmpty()) return List.of();
        long first = Math.floorDiv(posts.get(0).eventTime, window) * window;
        long last = posts.stream().mapToLong(p -> p.eventTime).max().getAsLong();
        int n = (int) ((last - first) / window) + 1;
        long[][] c = new long[n][4];
        for (Post p : posts) {
            int i = (int) ((p.eventTime - first) / window);
            c[i][0]++;
            String label = p.sentiment == null ? null : p.sentiment.label;
            if (Sentiment.NEGATIVE.equals(label)) c[i][1]++;
            else if (Sentiment.NEUTRAL.equals(label)) c[i][2]++;
            else if (Sentiment.POSITIVE.equals(label)) c[i][3]++;
        }
        List<Bucket> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new Bucket(first + i * window, c[i][0], c[i][1], c[i][2], c[i][3]));
        return out;
    }

    /** Depth of the repost tree: the longest parentId chain (cycles are cut, chains followed iteratively). */
    public static int depth(List<Post> posts) {
        Map<String, String> parent = new HashMap<>();
        for (Post p : posts) if (p.parentId != null && !p.parentId.equals(p.id)) parent.put(p.id, p.parentId);
        Map<String, Integer> memo = new HashMap<>();
        int best = posts.isEmpty() ? 0 : 1;
        for (Post p : posts) {
            List<String> chain = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            String cur = p.id;
            int base = 0;
            while (cur != null && seen.add(cur)) {
                Integer m = memo.get(cur);
                if (m != null) {
                    base = m;
                    break;
                }
                chain.add(cur);
                cur = parent.get(cur);
            }
            for (int i = chain.size() - 1; i >= 0; i--) memo.put(chain.get(i), base + chain.size() - i);
            best = Math.max(best, memo.getOrDefault(p.id, 1));
        }
        return best;
    }

    /** Distinct authors. */
    public static long uniqueAuthors(List<Post> posts) {
        return posts.stream().map(Post::authorId).filter(a -> !a.isEmpty()).distinct().count();
    }

    /** Sum of author followers over distinct authors (a reach upper bound). */
    public static long potentialReach(List<Post> posts) {
        Map<String, Long> f = new HashMap<>();
        for (Post p : posts) if (p.author != null && p.author.id != null) f.put(p.author.id, p.author.followersOrZero());
        return f.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Top values of region (from the enrichment, else the author's location), most frequent first. */
    public static Map<String, Long> regions(List<Post> posts, int top) {
        Map<String, Long> counts = new HashMap<>();
        for (Post p : posts) {
            String r = p.region != null ? p.region : p.author != null && p.author.location != null ? p.author.location.split("\\s+")[0] : null;
            if (r != null && !r.isBlank()) counts.merge(r, 1L, Long::sum);
        }
        return top(counts, top);
    }

    /** Top keywords over the posts, most frequent first. */
    public static Map<String, Long> keywords(List<Post> posts, int top) {
        Map<String, Long> counts = new HashMap<>();
        for (Post p : posts) if (p.keywords != null) for (String k : p.keywords) counts.merge(k, 1L, Long::sum);
        return top(counts, top);
    }

    /** Representative posts: non-empty, not duplicates, from the most-followed authors, earliest first on ties. */
    public static List<Post> representative(List<Post> posts, int n) {
        return posts.stream()
                .filter(p -> p.text != null && p.text.strip().length() >= 4 && p.dupOf == null)
                .sorted(Comparator.comparingLong((Post p) -> p.author == null ? 0 : -p.author.followersOrZero())
                        .thenComparingLong(p -> p.eventTime).thenComparing(p -> p.id))
                .limit(n).toList();
    }

    private static Map<String, Long> top(Map<String, Long> counts, int top) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
