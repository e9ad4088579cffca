package org.fengxiang.app.job;

import org.fengxiang.core.Post;

/** A test-only enrichment: a character-bigram SimHash and a text hash, enough to exercise de-duplication. */
final class TestEnrichment implements Enrichment {
    static Enrichment.Factory factory() {
        return TestEnrichment::new;
    }

    @Override
    public Post enrich(Post p) {
        String t = p.text == null ? "" : p.text.replaceAll("\\s+", "");
        if (t.length() >= 8) {
            int[] v = new int[64];
            for (int i = 0; i + 1 < t.length(); i++) {
                long h = mix(t.substring(i, i + 2).hashCode());
                for (int b = 0; b < 64; b++) v[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
            }
            long s = 0;
            for (int b = 0; b < 64; b++) if (v[b] > 0) s |= 1L << b;
            p.simhash = s;
        }
        p.textHash = t.isEmpty() ? null : Integer.toHexString(t.hashCode());
        return p;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
