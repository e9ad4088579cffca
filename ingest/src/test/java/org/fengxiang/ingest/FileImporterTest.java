package org.fengxiang.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.fengxiang.core.Json;
import org.fengxiang.ingest.publish.InMemoryPostPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImporterTest {
    static final String GOOD = "{\"id\":\"w:1\",\"source\":\"w\",\"text\":\"你好\",\"publishedAt\":\"2026-03-14T09:00:00+08:00\"}";
    static final String NO_TEXT = "{\"id\":\"w:2\",\"source\":\"w\",\"publishedAt\":\"2026-03-14T09:00:00+08:00\"}";
    static final String BROKEN = "{\"id\":\"w:3\", this is not json";
    static final String ARRAY = "[1,2,3]";
    static final String NUMERIC_ID = "{\"text\":\"x\",\"id\":42}";

    @TempDir Path dir;

    @Test
    void publishesEveryNonBlankLineAsIs() throws Exception {
        Path f = dir.resolve("in.jsonl");
        Files.writeString(f, GOOD + "\n\n   \n" + NO_TEXT + "\n" + BROKEN + "\n" + ARRAY + "\n" + NUMERIC_ID + "\n");
        InMemoryPostPublisher pub = new InMemoryPostPublisher();
        FileImporter.Result r = new FileImporter(pub).importFile(f);
        assertThat(r.lines()).isEqualTo(7);
        assertThat(r.blank()).isEqualTo(2);
        assertThat(r.published()).isEqualTo(5);
        assertThat(r.unkeyed()).isEqualTo(2);
        assertThat(r.ok()).isTrue();
        assertThat(pub.records()).extracting(InMemoryPostPublisher.Record::json)
                .containsExactly(GOOD, NO_TEXT, BROKEN, ARRAY, NUMERIC_ID);
        assertThat(pub.records()).extracting(InMemoryPostPublisher.Record::key)
                .containsExactly("w:1", "w:2", null, null, "42");
    }

    @Test
    void readsGzip() throws Exception {
        Path f = dir.resolve("in.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write((GOOD + "\n" + BROKEN).getBytes(StandardCharsets.UTF_8));
        }
        InMemoryPostPublisher pub = new InMemoryPostPublisher();
        FileImporter.Result r = new FileImporter(pub).importFile(f);
        assertThat(r.published()).isEqualTo(2);
        assertThat(pub.records().get(1).json()).isEqualTo(BROKEN);
    }

    @Test
    void countsFailedAcks() throws Exception {
        Path f = dir.resolve("in.jsonl");
        Files.writeString(f, GOOD + "\n" + NO_TEXT + "\n");
        InMemoryPostPublisher pub = new InMemoryPostPublisher().failWhen("w:2"::equals);
        FileImporter.Result r = new FileImporter(pub).importFile(f);
        assertThat(r.published()).isEqualTo(2);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.ok()).isFalse();
    }

    @Test
    void csvRowsBecomeJsonObjects() throws Exception {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, "id,source,text,publishedAt,author.name,metrics.likes,author.verified\n"
                + "c:1,c,\"他说：\"\"好,很好\"\"\n第二行\",2026-03-14T09:00:00+08:00,张三,12,true\n"
                + "\n"
                + "c:2,c,,2026-03-14T09:01:00+08:00,,x,\n");
        InMemoryPostPublisher pub = new InMemoryPostPublisher();
        FileImporter.Result r = new FileImporter(pub).importFile(f);
        assertThat(r.published()).isEqualTo(2);
        assertThat(r.blank()).isEqualTo(1);
        var first = Json.tree(pub.records().get(0).json());
        assertThat(first.get("text").asText()).isEqualTo("他说：\"好,很好\"\n第二行");
        assertThat(first.get("author").get("name").asText()).isEqualTo("张三");
        assertThat(first.get("metrics").get("likes").asLong()).isEqualTo(12);
        assertThat(first.get("author").get("verified").asBoolean()).isTrue();
        var second = Json.tree(pub.records().get(1).json());
        assertThat(pub.records().get(1).key()).isEqualTo("c:2");
        assertThat(second.get("text").asText()).isEmpty();
        assertThat(second.get("metrics").get("likes").asText()).isEqualTo("x");
    }
}
