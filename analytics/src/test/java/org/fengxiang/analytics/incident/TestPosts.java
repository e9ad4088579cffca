package org.fengxiang.analytics.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fengxiang.core.Author;
import org.fengxiang.core.Post;

/** Synthetic posts and cascades for tests and benches. */
final class TestPosts {
    static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    static final long MIN = 60_000;

    private TestPosts() {}

    static Post post(String id, String root, String parent, long time, String author, long followers) {
        Post p = new Post();
        p.id = id;
        p.source = "weibo";
        p.channel = "microblog";
        p.text = root == null ? "原帖 " + id : "";
        p.eventTime = time;
        p.publishedAt = Instant.ofEpochMilli(time).atOffset(ZoneOffset.ofHours(8)).toString();
        p.repostOf = root;
        p.parentId = parent;
        p.author = new Author(author, null, followers, null, "北京 海淀区");
        return p;
    }

    /**
     * A cascade: root at {@code start}, then reposts as a Poisson process of {@code perMinute} for
     * {@code minutes}, each reposting the root or (one in three) an earlier repost.
     */
    static List<Post> cascade(String root, long start, double perMinute, int minutes, Random rnd) {
        List<Post> out = new ArrayList<>();
        out.add(post(root, null, null, start, "u-" + root, 1000));
        long t = start;
        long end = start + minutes * MIN;
        int n = 0;
        while (true) {
            t += (long) (-Math.log(1 - rnd.nextDouble()) / perMinute * MIN);
            if (t >= end) break;
            String parent = root;
            if (out.size() > 1 && rnd.nextInt(3) == 0) parent = out.get(1 + rnd.nextInt(out.size() - 1)).id;
            out.add(post(root + "-r" + (n++), root, parent, t, "a" + rnd.nextInt(1_000_000), rnd.nextInt(500)));
        }
        return out;
    }

    /** Poisson counts per minute at the given rate. */
    static int poisson(double mean, Random rnd) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
