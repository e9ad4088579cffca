package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fengxiang.analytics.incident.IncidentIds;
import org.fengxiang.analytics.incident.IncidentSettings;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Independent posts about one event join one incident through text; unrelated and stale ones do not. */
class TextLinkingTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-07-20T10:00:00+08:00");
    @TempDir Path tmp;

    @Test
    void storiesAboutOneEventJoinTheEarliestStorysIncident() throws Exception {
        Path input = writeInput(false);
        Map<String, String> incidentOf = incidentOfPosts(run(input, 2, "p2"));
        String a1 = IncidentIds.of("a1");

        for (String id : List.of("a1", "a1-r1", "a2", "a2-r1", "a2-r2", "a3", "a3-r1")) {
            assertThat(incidentOf.get(id)).as(id).isEqualTo(a1);
        }
        assertThat(incidentOf.get("b1")).isEqualTo(IncidentIds.of("b1"));
        assertThat(incidentOf.get("b2")).as("one shared word does not link").isEqualTo(IncidentIds.of("b2"));
        assertThat(incidentOf.get("a4")).as("outside the 6 h window").isEqualTo(IncidentIds.of("a4"));
        assertThat(incidentOf.get("a5-r1")).as("repost earlier than its linked root stays in its cascade")
                .isEqualTo(IncidentIds.of("a5"));
        assertThat(incidentOf.get("a5")).isEqualTo(a1);

        JsonNode last = lastSnapshot(tmp.resolve("p2"), a1);
        assertThat(last.get("originPostId").asText()).isEqualTo("a1");
        assertThat(last.get("cascades").asLong()).isEqualTo(4);
        assertThat(last.get("linkedStories")).extracting(JsonNode::asText).containsExactly("a2", "a3", "a5");
    }

    @Test
    void sameResultAtEveryParallelismAndArrivalOrder() throws Exception {
        Path ordered = writeInput(false);
        Path disordered = writeInput(true);
        Path p1 = run(ordered, 1, "o1");
        Path p2 = run(disordered, 2, "d2");
        Path r2 = run(disordered, 2, "r2", "rocksdb");
        for (String f : List.of("posts.jsonl", "incidents.jsonl", "alerts.jsonl")) {
            assertThat(Files.readString(p2.resolve(f))).as(f).isEqualTo(Files.readString(p1.resolve(f)));
            assertThat(Files.readString(r2.resolve(f))).as("RocksDB state: " + f).isEqualTo(Files.readString(p1.resolve(f)));
        }
        assertThat(Files.readString(p1.resolve("rejected.jsonl"))).isEmpty();
    }

    private Path run(Path input, int parallelism, String name) throws Exception {
        return run(input, parallelism, name, "hashmap");
    }

    private Path run(Path input, int parallelism, String name, String stateBackend) throws Exception {
        IncidentSettings incidents = new IncidentSettings();
        incidents.mobilisationLexicon = "";
        IncidentDriver driver = new IncidentDriver(incidents.validate());
        PipelineJob.Detection detection = new PipelineJob.Detection(driver, new LinkSettings().validate(), driver,
                CountingDetectors.detection(1000).alerts());
        Path out = tmp.resolve(name);
        PipelineSettings settings = new PipelineSettings();
        settings.stateBackend = stateBackend;
        settings.rocksdbMemoryMiB = 64;
        OfflineRun.run(List.of(input), out, parallelism, WordEnrichment::new, detection, settings);
        return out;
    }

    /** Posts of three stories about one event (with reposts), an unrelated story, a look-alike and a stale story. */
    private Path writeInput(boolean disorder) throws Exception {
        List<Post> posts = new ArrayList<>();
        posts.add(post("a1", null, 0, "郑州 暴雨 地铁 停运 积水 救援"));
        posts.add(post("b1", null, 30, "樱桃 蛆虫 盐水 实验 谣言 辟谣"));
        posts.add(post("a1-r1", "a1", 60, "转发"));
        posts.add(post("a2", null, 300, "郑州 暴雨 地铁 积水 乘客 救援"));
        posts.add(post("a2-r1", "a2", 330, "转发 祈福"));
        posts.add(post("b2", null, 400, "暴雨 樱桃 价格 上涨 市场 菜价"));
        posts.add(post("a2-r2", "a2", 420, "转发"));
        posts.add(post("a3", null, 1200, "地铁 积水 乘客 救援 被困 暴雨"));
        posts.add(post("a3-r1", "a3", 1230, "转发"));
        posts.add(post("a5-r1", "a5", 1500, "转发 (时钟偏差)"));
        posts.add(post("a5", null, 1530, "郑州 暴雨 地铁 停运 积水 通报"));
        posts.add(post("a4", null, 27_000, "郑州 暴雨 地铁 停运 积水 救援"));
        if (disorder) {
            for (int i = 0; i + 1 < posts.size(); i += 2) {
                if (Math.abs(posts.get(i).eventTime - posts.get(i + 1).eventTime) <= 60_000) {
                    Post a = posts.get(i);
                    posts.set(i, posts.get(i + 1));
                    posts.set(i + 1, a);
                }
            }
        }
        Path f = tmp.resolve(disorder ? "disordered.jsonl" : "ordered.jsonl");
        List<String> lines = new ArrayList<>();
        for (Post p : posts) {
            p.eventTime = 0;
            lines.add(Json.write(p));
        }
        Files.write(f, lines);
        return f;
    }

    private static Post post(String id, String repostOf, int seconds, String text) {
        Post p = new Post();
        p.id = id;
        p.source = "test";
        p.channel = "microblog";
        p.text = text;
        p.repostOf = repostOf;
        p.publishedAt = T0.plusSeconds(seconds).toString();
        p.eventTime = T0.plusSeconds(seconds).toInstant().toEpochMilli();
        p.author = new org.fengxiang.core.Author();
        p.author.id = "u-" + id;
        return p;
    }

    private static Map<String, String> incidentOfPosts(Path out) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : Files.readAllLines(out.resolve("posts.jsonl"))) {
            JsonNode n = Json.tree(l);
            m.put(n.get("id").asText(), n.get("incidentId").asText());
        }
        return m;
    }

    private static JsonNode lastSnapshot(Path out, String incidentId) throws Exception {
        JsonNode last = null;
        for (String l : Files.readAllLines(out.resolve("incidents.jsonl"))) {
            JsonNode n = Json.tree(l);
            if (n.get("id").asText().equals(incidentId)) last = n;
        }
        assertThat(last).as("snapshot of " + incidentId).isNotNull();
        return last;
    }

    /** Test enrichment: the words of the text are its keywords (no HanLP needed). */
    static final class WordEnrichment implements Enrichment {
        @Override
        public Post enrich(Post p) {
            p.keywords = new ArrayList<>(Arrays.stream(p.text.split("\\s+")).filter(w -> w.length() >= 2).distinct().limit(8).toList());
            return p;
        }
    }
}
