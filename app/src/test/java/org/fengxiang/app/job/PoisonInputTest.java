package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fengxiang.core.Config;
import org.fengxiang.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of poison records (malformed JSON, wrong types, broken charsets, a 10 MB post, deep
 * nesting, control characters, cyclic repost links) never stops the job: every refused record is in
 * the dead-letter output with its line and reason, and the good posts around them get through.
 */
class PoisonInputTest {
    @TempDir Path tmp;

    static final String OK_TIME = "2026-03-05T09:00:00+08:00";

    @Test
    void everyPoisonRecordIsDeadLetteredWithItsReason() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        List<String> bad = poison();
        int good = 0;
        for (int i = 0; i < bad.size(); i++) {
            lines.add(bad.get(i).getBytes(StandardCharsets.UTF_8));
            lines.add(good("g" + i, "正常的帖子内容，第" + i + "条，没有问题。", null).getBytes(StandardCharsets.UTF_8));
            good++;
        }
        // broken charsets: GBK bytes and a lone continuation byte in an otherwise fine record
        lines.add(good("gbk", "临江化工厂", null).getBytes("GBK"));
        lines.add(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0x80, '"', '}'});
        // cyclic repost links are valid records: they must not break incident detection
        lines.add(good("cyc-a", "转发", "cyc-b").getBytes(StandardCharsets.UTF_8));
        lines.add(good("cyc-b", "转发", "cyc-a").getBytes(StandardCharsets.UTF_8));
        good += 2;
        int expectedRejected = bad.size() + 2;

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            all.write(l);
            all.write('\n');
        }
        Path input = tmp.resolve("poison.jsonl");
        Files.write(input, all.toByteArray());

        Components c = Components.from(Config.empty());
        OfflineRun.Summary s = OfflineRun.run(List.of(input), tmp.resolve("out"), 2, c.enrichment(), c.detection(), c.pipeline());

        assertThat(s.posts()).isEqualTo(good);
        assertThat(s.rejected()).isEqualTo(expectedRejected);
        Map<Long, String> reasons = new TreeMap<>();
        for (String l : Files.readAllLines(tmp.resolve("out/rejected.jsonl"))) {
            var n = Json.tree(l);
            reasons.put(n.get("line").asLong(), n.get("reason").asText());
        }
        assertThat(reasons).hasSize(expectedRejected).allSatisfy((line, reason) -> assertThat(reason).isNotBlank());
        for (int i = 0; i < bad.size(); i++) assertThat(reasons).containsKey(2L * i + 1);
        assertThat(reasons.get((long) lines.size() - 3)).contains("UTF-8");
        assertThat(reasons.get((long) lines.size() - 2)).contains("UTF-8");
        String posts = Files.readString(tmp.resolve("out/posts.jsonl"));
        assertThat(posts).contains("\"id\":\"cyc-a\"").contains("\"id\":\"cyc-b\"");
    }

    static String good(String id, String text, String repostOf) {
        Map<String, Object> m = new TreeMap<>(Map.of("id", id, "source", "t", "text", text, "publishedAt", OK_TIME));
        if (repostOf != null) {
            m.put("repostOf", repostOf);
            m.put("parentId", repostOf);
        }
        return Json.write(m);
    }

    /** At least 50 refused records, each on its own line. */
    static List<String> poison() {
        List<String> p = new ArrayList<>(List.of(
                "{", "}", "[]", "null", "42", "\"text\"", "true", "{\"id\":}", "{'id':'single quotes'}", "{\"id\":\"a\",}",
                "{\"id\":\"a\" \"source\":\"b\"}", "{\"id\":\"a\",\"text\":\"unterminated}", "\u0000\u0001\u0002",
                "{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\"} trailing",
                "<html><body>not json</body></html>", "id,source,text", "{\"id\":\"a\"}",
                "{\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":\"\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":\"a\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":\"a\",\"source\":\"s\",\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\"}",
                "{\"id\":\"a\",\"source\":\"s\",\"text\":null,\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":[1],\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":{\"x\":1},\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":\"a\",\"source\":5.5,\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":\"a\",\"source\":\"s\",\"text\":[\"x\"],\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":\"a\",\"source\":\"s\",\"text\":{\"t\":1},\"publishedAt\":\"" + OK_TIME + "\"}",
                "{\"id\":\"a\",\"source\":\"s\",\"text\":true,\"publishedAt\":\"" + OK_TIME + "\"}"));
        for (String t : List.of("yesterday", "2026-03-05", "2026-03-05 09:00", "2026-03-05T09:00:00", "05/03/2026 09:00",
                "1772672400000", "2026-13-05T09:00:00+08:00", "2026-03-32T09:00:00+08:00", "2026-03-05T25:00:00+08:00",
                "", "3小时前", "刚刚")) {
            p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + t + "\"}");
        }
        p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":1772672400000}");
        for (String ch : List.of("tv", "", "NEWS", "weibo")) {
            p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"channel\":\"" + ch + "\",\"publishedAt\":\"" + OK_TIME + "\"}");
        }
        p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\",\"author\":\"bob\"}");
        p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\",\"author\":{\"followers\":-1}}");
        p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\",\"author\":{\"followers\":\"many\"}}");
        p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\",\"author\":{\"verified\":\"yes\"}}");
        p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\",\"metrics\":[1,2]}");
        p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\",\"metrics\":{\"likes\":1.5}}");
        p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\",\"repostOf\":{\"id\":1}}");
        p.add("{\"id\":\"a\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        p.add("{\"id\":\"a\",\"source\":\"s\",\"publishedAt\":\"" + OK_TIME + "\",\"text\":\"" + "长".repeat(10_000_000 / 3) + "\"}");
        p.add("{\"id\":\"" + "i".repeat(600) + "\",\"source\":\"s\",\"text\":\"x\",\"publishedAt\":\"" + OK_TIME + "\"}");
        p.add("{\"id\":\"a\",\"source\":\"s\",\"text\":\"" + "<div>".repeat(50_000) + "\",\"publishedAt\":\"" + OK_TIME + "\"}");
        return p;
    }
}
