package org.fengxiang.app.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fengxiang.core.Json;

/**
 * The input of the fault tests, in event-time order: background chatter every 15 s of event time, reposting bursts
 * (a root post and 100 reposts by distinct authors within 15 minutes) that raise alerts, then per Kafka partition
 * an end marker two days later, so the live watermark passes every alert timer (the live results can then be
 * compared with an offline run over the same posts), and a tail marker ten minutes after that. The tail markers
 * stay in the job's event-time buffers, like the newest minute of any live stream: only their early
 * copies are indexed.
 */
final class FaultPosts {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 4, 7, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final String[] TOPICS = {"临江化工厂排放刺鼻气体", "滨河小区自来水发黄发臭", "城南高架桥出现裂缝"};
    private static final String[] CHATTER = {"今天天气不错，周末去公园散步", "地铁又挤又慢，上班路上看书", "新开的面馆味道一般",
        "孩子期末考试考得不错", "晚上和朋友去看电影", "小区门口的花开了"};

    private final List<String> lines;
    private final List<String> markers;

    private FaultPosts(List<String> lines, List<String> markers) {
        this.lines = lines;
        this.markers = markers;
    }

    /** {@code bursts} bursts (at most 3), one every {@code minutesApart} of event time, in {@code hours} of chatter. */
    static FaultPosts generate(String prefix, int bursts, int minutesApart, int hours) {
        List<Map.Entry<OffsetDateTime, String>> posts = new ArrayList<>();
        for (int s = 0, n = 0; s < hours * 3600; s += 15, n++) {
            OffsetDateTime t = T0.plusSeconds(s);
            posts.add(Map.entry(t, post(prefix + ":bg" + n, t, null, prefix + "-b" + (n % 97), CHATTER[n % CHATTER.length] + " " + n)));
        }
        for (int b = 0; b < bursts; b++) {
            OffsetDateTime start = T0.plusMinutes(20L + (long) b * minutesApart);
            String root = prefix + ":burst" + b;
            posts.add(Map.entry(start, post(root, start, null, prefix + "-origin" + b,
                    TOPICS[b] + "，周边居民很担心，请有关部门彻查！")));
            for (int i = 1; i <= 100; i++) {
                OffsetDateTime t = start.plusSeconds(9L * i);
                String text = i % 3 == 0 ? "太可怕了，必须严查 #" + TOPICS[b] + "#" : i % 3 == 1 ? "转发，希望尽快处理" : "";
                posts.add(Map.entry(t, post(root + "-r" + i, t, root, prefix + "-u" + b + "-" + i, text)));
            }
        }
        posts.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        OffsetDateTime end = posts.get(posts.size() - 1).getKey().plusDays(2);
        List<String> markers = List.of(post(prefix + ":end0", end, null, prefix + "-end", "结束 0"),
                post(prefix + ":end1", end.plusSeconds(1), null, prefix + "-end", "结束 1"),
                post(prefix + ":tail0", end.plusMinutes(10), null, prefix + "-end", "尾 0"),
                post(prefix + ":tail1", end.plusMinutes(10).plusSeconds(1), null, prefix + "-end", "尾 1"));
        return new FaultPosts(posts.stream().map(Map.Entry::getValue).toList(), markers);
    }

    private static String post(String id, OffsetDateTime at, String root, String author, String text) {
        return Json.write(Map.of("id", id, "source", "fault", "channel", "microblog", "text", text,
                "publishedAt", at.toString(), "repostOf", root == null ? "" : root, "parentId", root == null ? "" : root,
                "author", Map.of("id", author, "followers", 1000)));
    }

    /** The posts without the end markers, in event-time order. */
    List<String> lines() {
        return lines;
    }

    /** End and tail markers, one of each per partition (0 and 1, in this order). */
    List<String> markers() {
        return markers;
    }

    /** Every post id, markers included: each post is indexed (first as an early copy). */
    Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>(finalIds());
        for (String l : markers.subList(2, 4)) ids.add(Json.tree(l).get("id").asText());
        return ids;
    }

    /** The ids of the posts a live run must have finalised once the markers are in: all but the tail markers. */
    Set<String> finalIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (String l : lines) ids.add(Json.tree(l).get("id").asText());
        for (String l : markers.subList(0, 2)) ids.add(Json.tree(l).get("id").asText());
        return ids;
    }

    /**
     * How many of the posts fed so far (a prefix of {@link #lines()}) the job must have indexed: all but those of the
     * newest two minutes of event time, which wait in its event-time buffers (60 s disorder) for newer posts.
     */
    static int settled(List<String> fed) {
        if (fed.isEmpty()) return 0;
        OffsetDateTime last = publishedAt(fed.get(fed.size() - 1)).minusMinutes(2);
        int n = 0;
        for (String l : fed) if (!publishedAt(l).isAfter(last)) n++;
        return n;
    }

    private static OffsetDateTime publishedAt(String line) {
        return OffsetDateTime.parse(Json.tree(line).get("publishedAt").asText());
    }

    /** Writes every post, markers last, as JSONL. */
    Path write(Path file) throws IOException {
        List<String> all = new ArrayList<>(lines);
        all.addAll(markers);
        return Files.write(file, all, StandardCharsets.UTF_8);
    }
}
