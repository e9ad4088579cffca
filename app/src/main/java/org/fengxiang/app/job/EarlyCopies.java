package org.fengxiang.app.job;

import org.fengxiang.core.Post;

/**
 * Whether a post's final version differs from its early copy. Enrichment fixes everything but three fields, which
 * de-duplication and incident linking set later: {@code dupOf}, {@code incidentId} and {@code incidentRootId}. The
 * fingerprint is a 64-bit FNV-1a hash of those three (null and empty kept apart), so a post carries 8 bytes instead
 * of its copy's strings; two different triples share one with probability 2<sup>-64</sup>.
 */
final class EarlyCopies {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private EarlyCopies() {}

    /** The fingerprint of the fields that can change after enrichment; never 0 (0 means "no early copy"). */
    static long fingerprint(Post p) {
        long h = OFFSET;
        h = mix(h, p.dupOf);
        h = mix(h, p.incidentId);
        h = mix(h, p.incidentRootId);
        return h == 0 ? 1 : h;
    }

    /** True when {@code p} has an early copy and its final version is that copy's document. */
    static boolean finalIsEarlyCopy(Post p) {
        return p.earlyCopy != 0 && p.earlyCopy == fingerprint(p);
    }

    private static long mix(long h, String s) {
        if (s == null) return (h ^ 0x1_0000L) * PRIME; // a value no char has
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * PRIME;
        return (h ^ 0x1_0001L) * PRIME; // end of the string: "ab" + "c" differs from "a" + "bc"
    }
}
