package org.fengxiang.app.job;

import org.fengxiang.core.Post;

/** The key of exact-duplicate detection: the normalised-text hash, or the post id when there is none. */
final class DedupKey {
    private DedupKey() {}

    static String of(Post p) {
        return p.textHash != null && !p.textHash.isEmpty() ? "h:" + p.textHash : "id:" + p.id;
    }
}
