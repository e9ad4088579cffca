package org.fengxiang.alerting.es;

import java.io.Serializable;

/**
 * Maps a record to one Elasticsearch document: target index, deterministic {@code _id} and JSON
 * source. With a {@link #version} the write uses {@code version_type=external_gte}, so a replay of an
 * older state never overwrites a newer one.
 */
public interface DocumentMapper<T> extends Serializable {
    /** The concrete index to write into (an alias only if it has a single write index). */
    String index(T record);

    /** The deterministic document id. */
    String id(T record);

    /** The document source as one JSON object. */
    String source(T record);

    /** An external version (monotone per id), or -1 for a plain overwrite. */
    default long version(T record) {
        return -1;
    }
}
