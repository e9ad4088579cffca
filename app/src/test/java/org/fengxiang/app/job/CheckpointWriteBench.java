package org.fengxiang.app.job;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;

/**
 * CPU cost of writing the near-duplicate buckets into a heap checkpoint: N buckets of M posts each (ids and
 * roots like the bench's) written through a stream wrapper the way the heap backend's snapshot does, once by
 * the codec straight into the wrapper and once through {@link CodecTypeInfo}'s serializer (buffered). Usage:
 * {@code CheckpointWriteBench [buckets] [postsPerBucket]} (defaults 20000, 40).
 */
public final class CheckpointWriteBench {
    private CheckpointWriteBench() {}

    public static void main(String[] args) throws IOException {
        int buckets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int perBucket = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        BandBucket[] state = new BandBucket[buckets];
        for (int b = 0; b < buckets; b++) state[b] = BandBuckets.filled("weibo:bench_" + b + "_", perBucket, b * 31L, 1_000);
        BandBucket.Codec codec = new BandBucket.Codec();
        var serializer = new CodecTypeInfo<>(codec).createSerializer((org.apache.flink.api.common.serialization.SerializerConfig) null);
        for (int round = 0; round < 5; round++) {
            long direct = time(out -> { for (BandBucket b : state) codec.write(b, out); });
            long buffered = time(out -> { for (BandBucket b : state) serializer.serialize(b, out); });
            System.out.printf("round %d: %d buckets x %d posts: direct %.1f ms, buffered %.1f ms%n", round, buckets, perBucket,
                    direct / 1e6, buffered / 1e6);
        }
    }

    private interface Body {
        void run(DataOutputView out) throws IOException;
    }

    private static long time(Body body) throws IOException {
        // the snapshot's chain: a data-output wrapper over forwarding streams over a buffered file stream
        OutputStream sink = new BufferedOutputStream(OutputStream.nullOutputStream(), 4096);
        OutputStream forwarding = new OutputStream() {
            @Override public void write(int b) throws IOException { sink.write(b); }
            @Override public void write(byte[] b, int off, int len) throws IOException { sink.write(b, off, len); }
        };
        DataOutputViewStreamWrapper out = new DataOutputViewStreamWrapper(forwarding);
        long t0 = System.nanoTime();
        body.run(out);
        out.flush();
        return System.nanoTime() - t0;
    }
}
