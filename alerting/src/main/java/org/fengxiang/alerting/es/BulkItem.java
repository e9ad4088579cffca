package org.fengxiang.alerting.es;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.fengxiang.core.Json;

/** One prepared bulk operation: the action line and the source line, as UTF-8 bytes. */
final class BulkItem {
    final String index;
    final String id;
    final long version;
    final String source;
    final byte[] bytes;

    private BulkItem(String index, String id, long version, String source) {
        this.index = index;
        this.id = id;
        this.version = version;
        this.source = source;
        ObjectNode meta = Json.mapper().createObjectNode();
        meta.put("_index", index);
        meta.put("_id", id);
        if (version >= 0) {
            meta.put("version", version);
            meta.put("version_type", "external_gte");
        }
        ObjectNode action = Json.mapper().createObjectNode();
        action.set("index", meta);
        this.bytes = (Json.write(action) + "\n" + source + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Maps a record; throws {@link IllegalArgumentException} when the mapper gives no index or id. */
    static <T> BulkItem of(DocumentMapper<T> mapper, T record) {
        String index = mapper.index(record);
        String id = mapper.id(record);
        if (index == null || index.isBlank()) throw new IllegalArgumentException("no index for record");
        if (id == null || id.isBlank()) throw new IllegalArgumentException("no document id for record");
        if (id.getBytes(StandardCharsets.UTF_8).length > 512) throw new IllegalArgumentException("document id longer than 512 bytes");
        String source = mapper.source(record);
        if (source == null) throw new IllegalArgumentException("no source for record " + id);
        if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0) source = Json.write(Json.tree(source));
        return new BulkItem(index, id, mapper.version(record), source);
    }

    int size() {
        return bytes.length;
    }

    boolean versioned() {
        return version >= 0;
    }
}
