package org.fengxiang.app.job;

import org.fengxiang.core.Post;

/** Band buckets filled with synthetic posts, for codec tests and the checkpoint bench. */
final class BandBuckets {
    private BandBuckets() {}

    /** A bucket of {@code posts} posts {@code idPrefix + i}, one second apart, with hashes from {@code hashOffset}. */
    static BandBucket filled(String idPrefix, int posts, long hashOffset, int cap) {
        BandBucket b = new BandBucket();
        for (int i = 0; i < posts; i++) {
            Post p = new Post();
            p.id = idPrefix + i;
            p.eventTime = 1_700_000_000_000L + i * 1000L;
            p.simhash = (hashOffset + i) * 0x9E3779B97F4A7C15L;
            b.apply(new BandProbe(p, 0), 3, 86_400_000L, cap);
        }
        return b;
    }
}
