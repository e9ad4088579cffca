package org.fengxiang.analytics.sentiment;

/**
 * The deterministic held-out split shared by training and evaluation: a text is held out when a
 * seeded 64-bit hash of its content falls in the first {@code percent} of 100 buckets, so identical
 * texts always land on the same side, whatever the file order.
 */
public final class HoldOut {
    /** The default seed. */
    public static final long DEFAULT_SEED = 20261126L;
    /** The default held-out share (percent). */
    public static final int DEFAULT_PERCENT = 10;

    private HoldOut() {}

    /** True when the text belongs to the held-out split. */
    public static boolean isHeldOut(String text, long seed, int percent) {
        if (percent <= 0) return false;
        long h = seed;
        for (int i = 0; i < text.length(); i++) h = mix(h ^ text.charAt(i));
        return Long.remainderUnsigned(mix(h), 100) < percent;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
