package org.fengxiang.analytics.incident;

import java.nio.charset.StandardCharsets;

/** Deterministic incident ids derived from the cascade root id (no state, no waiting). */
public final class IncidentIds {
    private static final int MAX_READABLE = 80;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private IncidentIds() {}

    /**
     * The incident id of a cascade root: {@code inc-} + the root id with characters outside
     * {@code [A-Za-z0-9_-]} replaced by {@code _} (at most 80 characters) + {@code -} + 8 hex digits of
     * the FNV-1a hash of the full root id, so that sanitising or truncation never merges two roots.
     */
    public static String of(String rootId) {
        if (rootId == null || rootId.isEmpty()) throw new IllegalArgumentException("rootId is required");
        StringBuilder b = new StringBuilder("inc-");
        int n = Math.min(rootId.length(), MAX_READABLE);
        for (int i = 0; i < n; i++) {
            char c = rootId.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
            b.append(ok ? c : '_');
        }
        b.append('-');
        int h = fnv32(rootId);
        for (int shift = 28; shift >= 0; shift -= 4) b.append(HEX[(h >>> shift) & 0xf]);
        return b.toString();
    }

    /** FNV-1a 32-bit hash of the UTF-8 bytes. */
    static int fnv32(String s) {
        int h = 0x811c9dc5;
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= x & 0xff;
            h *= 0x01000193;
        }
        return h;
    }

    /** FNV-1a 64-bit hash of the UTF-8 bytes, finished with a 64-bit mix (for sampling). */
    static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
