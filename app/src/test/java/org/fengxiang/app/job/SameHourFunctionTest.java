package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

/** The same-hour stage in a Flink job (parallelism 2): per-keyword counts in event time annotate snapshots, in order. */
class SameHourFunctionTest {
    static final long H = 3_600_000L;
    static final long DAY0 = Instant.parse("2026-11-16T06:00:00Z").toEpochMilli(); // 14:00 +08:00

    @Test
    void snapshotsCarryTheirTopKeywordsLastHourAndThePreviousDaysAndKeepTheirOrder() throws Exception {
        List<String> posts = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            for (int k = 0; k < 6; k++) posts.add(post("p" + day + "-" + k, DAY0 + day * 24 * H - H + k * 300_000, "化工厂", "排放"));
        }
        for (int k = 0; k < 60; k++) posts.add(post("burst" + k, DAY0 + 4 * 24 * H - 50 * 60_000 + k * 40_000, "化工厂"));
        for (int k = 0; k < 30; k++) posts.add(post("other" + k, DAY0 + 4 * 24 * H - 20 * 60_000 + k * 20_000, "演唱会"));
        posts.sort(java.util.Comparator.comparingLong(j -> Json.read(j, Post.class).eventTime)); // in event-time order: none late
        long at = DAY0 + 4 * 24 * H + 30_000; // day 4, 14:00:30
        List<String> snaps = new ArrayList<>();
        // the incident's top keyword changes between its snapshots (different keys, possibly different subtasks)
        snaps.add(snapshot("inc-1", at - 10 * 60_000, "演唱会", 1));
        snaps.add(snapshot("inc-1", at, "化工厂", 2));
        snaps.add(snapshot("inc-1", at + 60_000, "演唱会", 3));
        snaps.add(snapshot("inc-2", at, "", 1));
        StreamExecutionEnvironment env = OfflineRun.localEnvironment(2);
        DataStream<Post> p = env.fromData(posts).map(j -> Json.read(j, Post.class)).returns(TypeInformation.of(Post.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Post>forMonotonousTimestamps().withTimestampAssigner((x, t) -> x.eventTime));
        DataStream<Incident> i = env.fromData(snaps).map(j -> Json.read(j, Incident.class)).returns(TypeInformation.of(Incident.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Incident>forMonotonousTimestamps().withTimestampAssigner((x, t) -> x.asOf));
        List<Incident> out = new ArrayList<>();
        SameHourFunction.annotate(p, i).executeAndCollect().forEachRemaining(out::add);
        List<Incident> inc1 = out.stream().filter(x -> x.id.equals("inc-1")).toList();
        assertThat(inc1).extracting(x -> x.postCount).containsExactly(1L, 2L, 3L);
        Incident chem = inc1.get(1);
        assertThat(chem.sameHourKeyword).isEqualTo("化工厂");
        assertThat(chem.sameHourPosts).isEqualTo(60);
        assertThat(chem.sameHourPrevious).hasSize(4).allSatisfy(x -> assertThat(x).isCloseTo(6.0, within(1e-9)));
        assertThat(inc1.get(0).sameHourKeyword).isEqualTo("演唱会");
        assertThat(inc1.get(0).sameHourPosts).isEqualTo(30);
        assertThat(inc1.get(0).sameHourPrevious).isEmpty(); // first seen today: no previous day observed
        assertThat(inc1.get(2).sameHourPosts).isEqualTo(30);
        Incident none = out.stream().filter(x -> x.id.equals("inc-2")).findFirst().orElseThrow();
        assertThat(none.sameHourKeyword).isNull();
        assertThat(out).hasSize(4);
    }

    static String post(String id, long t, String... keywords) {
        Post p = new Post();
        p.id = id;
        p.eventTime = t;
        p.keywords = new ArrayList<>(List.of(keywords));
        return Json.write(p);
    }

    static String snapshot(String id, long asOf, String keyword, long posts) {
        Incident i = new Incident();
        i.id = id;
        i.asOf = asOf;
        i.postCount = posts;
        i.keywords = keyword.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(keyword, "其他"));
        return Json.write(i);
    }
}
