package org.fengxiang.analytics.linking;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.fengxiang.core.Post;

/**
 * Signature terms of a post and their MinHash band keys. Terms are the post's keywords, hashtags
 * ({@code #tag}) and organisations, lower-cased; two posts about one event share several of them.
 * Band keys are deterministic (seeded hashes, no randomness), so every run buckets alike.
 */
public final class StorySignature {
    private StorySignature() {}

    /** The story of an independent post, or null when it is a repost/comment or has too few terms. */
    public static Story of(Post post, LinkSettings s) {
        if (post == null || post.id == null || post.isRepost() || notBlank(post.parentId)) return null;
        List<String> terms = terms(post, s.maxTerms);
        return terms.size() < s.minTerms ? null : new Story(post.id, post.eventTime, terms);
    }

    /** Sorted distinct signature terms, at most {@code max} (keywords first, in their rank order). */
    static List<String> terms(Post post, int max) {
        List<String> ordered = new ArrayList<>();
        if (post.hashtags != null) for (String h : post.hashtags) ordered.add("#" + h);
        if (post.keywords != null) ordered.addAll(post.keywords);
        if (post.organizations != null) ordered.addAll(post.organizations);
        TreeSet<String> out = new TreeSet<>();
        for (String t : ordered) {
            if (out.size() >= max) break;
            if (t != null && t.strip().length() >= 2) out.add(t.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return new ArrayList<>(out);
    }

    /** One bucket key per band: the band number and the minimum hashes of its rows. */
    public static List<String> bandKeys(Story story, LinkSettings s) {
        List<String> keys = new ArrayList<>(s.bands);
        for (int b = 0; b < s.bands; b++) {
            StringBuilder k = new StringBuilder().append('b').append(b);
            for (int r = 0; r < s.rowsPerBand; r++) {
                long seed = mix(0x9E3779B97F4A7C15L * (b * 31L + r + 1));
                long min = Long.MAX_VALUE;
                for (String t : story.terms) min = Math.min(min, mix(hash(t) ^ seed));
                k.append(':').append(Long.toHexString(min));
            }
            keys.add(k.toString());
        }
        return keys;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** FNV-1a 64 over UTF-8 bytes. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A 64-bit finaliser (SplitMix64). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
