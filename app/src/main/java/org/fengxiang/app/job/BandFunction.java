package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.util.Collector;

/**
 * Near-duplicate lookup in one band bucket. Probes wait for the watermark and are applied in
 * (event time, id) order, so the answer does not depend on arrival order or parallelism.
 */
final class BandFunction extends OrderedKeyedFunction<BandProbe, BandProbe> {
    private static final Comparator<BandProbe> ORDER =
            Comparator.<BandProbe>comparingLong(p -> p.eventTime).thenComparing(p -> p.postId);
    private final int maxHamming;
    private final long ttlMillis;
    private final int cap;
    private transient WriteBackCache<BandBucket> bucket;

    BandFunction(int maxHamming, long ttlMillis, int cap) {
        super(BandProbe.class);
        this.maxHamming = maxHamming;
        this.ttlMillis = ttlMillis;
        this.cap = cap;
    }

    @Override long eventTime(BandProbe p) { return p.eventTime; }
    @Override Comparator<BandProbe> order() { return ORDER; }

    @Override
    void openState() {
        bucket = releasedState(new ValueStateDescriptor<>("bucket", new CodecTypeInfo<>(new BandBucket.Codec())), BandBucket::approximateBytes);
    }

    @Override
    void release(List<BandProbe> probes, Context ctx, Collector<BandProbe> out) throws Exception {
        BandBucket b = bucket.value();
        if (b == null) b = new BandBucket();
        for (BandProbe p : probes) {
            b.apply(p, maxHamming, ttlMillis, cap);
            out.collect(p);
        }
        if (b.size() == 0) bucket.clear();
        else bucket.update(b);
    }
}
