package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fengxiang.analytics.incident.BurstDetector;
import org.fengxiang.analytics.incident.CascadeTree;
import org.fengxiang.analytics.incident.DistinctCounter;
import org.fengxiang.analytics.incident.IncidentAggregate;
import org.fengxiang.analytics.incident.IncidentProcessor;
import org.fengxiang.analytics.incident.IncidentSettings;
import org.fengxiang.analytics.incident.PostEvent;
import org.fengxiang.analytics.incident.TermCounter;
import org.fengxiang.core.Author;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Metrics;
import org.fengxiang.core.Post;
import org.fengxiang.core.Sentiment;
import org.fengxiang.core.Spreader;
import org.junit.jupiter.api.Test;

class IncidentStateCodecTest {
    private static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;
    private static final IncidentStateCodec CODEC = new IncidentStateCodec();

    @Test
    void aStateRestoredFromTheBinaryEncodingAtEveryTickEmitsWhatTheLiveStateEmits() {
        IncidentSettings s = settings();
        List<Post> posts = cascade(new Random(5), 600);
        assertThat(run(posts, s, false)).isEqualTo(run(posts, s, true)).isNotEmpty();
    }

    @Test
    void everyFieldSurvivesARoundTripAndTheTreeKeepsItsOrder() throws Exception {
        IncidentSettings s = settings();
        IncidentProcessor p = new IncidentProcessor("root", s);
        List<Post> posts = cascade(new Random(9), 400);
        for (int i = 0; i < posts.size(); i++) {
            p.onPost(posts.get(i));
            if (i == 300) p.onTimer(posts.get(i).eventTime + 1); // posts applied to the tree, later ones buffered
        }
        assertThat(p.buffer).isNotEmpty();
        assertThat(p.agg.tree.nodes).hasSizeGreaterThan(100);
        assertThat(p.agg.linkedRoots).isNotEmpty();
        assertThat(p.agg.influencers).isNotEmpty();

        IncidentProcessor back = roundTrip(p);
        assertThat(Json.write(back)).isEqualTo(Json.write(p));
        assertThat(new ArrayList<>(back.agg.tree.nodes.keySet())).isEqualTo(new ArrayList<>(p.agg.tree.nodes.keySet()));
        IncidentProcessor copy = CODEC.copy(p);
        assertThat(Json.write(copy)).isEqualTo(Json.write(p));
        copy.buffer.clear();
        copy.agg.tree.nodes.clear();
        assertThat(p.buffer).as("a copy shares nothing mutable").isNotEmpty();
        assertThat(p.agg.tree.nodes).isNotEmpty();
    }

    @Test
    void aFreshAndAnEmptiedStateRoundTrip() throws Exception {
        IncidentProcessor fresh = new IncidentProcessor("新闻:1", settings());
        assertThat(Json.write(roundTrip(fresh))).isEqualTo(Json.write(fresh));
        IncidentProcessor bare = new IncidentProcessor();
        bare.burst = null;
        bare.agg = null;
        bare.buffer = null;
        IncidentProcessor back = roundTrip(bare);
        assertThat(back.burst).isNull();
        assertThat(back.agg).isNull();
        assertThat(back.buffer).isNull();
    }

    @Test
    void theCodecWritesEveryPublicFieldOfTheStateClasses() {
        assertThat(fields(IncidentProcessor.class)).containsExactlyInAnyOrder("rootId", "incidentId", "buffer", "clock", "stage",
                "stageSince", "episodePeak", "peakWindowCount", "everActive", "finished", "dirty", "burst", "agg");
        assertThat(fields(PostEvent.class)).containsExactlyInAnyOrder("id", "eventTime", "parentId", "cascadeRoot", "repost",
                "authorId", "followers", "verified", "keywords", "sentiment", "interactions", "region", "mobilisation", "title");
        assertThat(fields(BurstDetector.class)).containsExactlyInAnyOrder("ring", "pos", "windowCount", "previousCount", "baseline", "minutes");
        assertThat(fields(IncidentAggregate.class)).containsExactlyInAnyOrder("postCount", "interactions", "negative", "neutral",
                "positive", "mobilisationPosts", "verifiedPosts", "maxFollowers", "firstSeen", "lastSeen", "originId", "originTime",
                "originAuthorId", "title", "rootSeen", "tree", "keywords", "regions", "authors", "linkedCascades", "linkedRoots",
                "influencers", "influencerTimes");
        assertThat(fields(CascadeTree.class)).containsExactlyInAnyOrder("nodes", "dropped");
        assertThat(fields(CascadeTree.Node.class)).containsExactlyInAnyOrder("parentId", "eventTime", "authorId", "repost");
        assertThat(fields(TermCounter.class)).containsExactlyInAnyOrder("counts");
        assertThat(fields(DistinctCounter.class)).containsExactlyInAnyOrder("hashes", "level");
        assertThat(fields(Spreader.class)).containsExactlyInAnyOrder("postId", "authorId", "reach");
    }

    @Test
    void checkpointsWrittenWithJsonRestoreByMigration() throws Exception {
        IncidentSettings s = settings();
        IncidentProcessor p = new IncidentProcessor("root", s);
        for (Post post : cascade(new Random(2), 120)) p.onPost(post);
        p.onTimer(T0 + 30 * MIN);

        TypeSerializer<IncidentProcessor> json = CodecTypeInfo.json(IncidentProcessor.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer bytes = new DataOutputSerializer(4096);
        json.serialize(p, bytes);
        TypeSerializerSnapshot<IncidentProcessor> old = restoredSnapshot(json);

        TypeSerializerSchemaCompatibility<IncidentProcessor> c = new CodecTypeInfo<>(CODEC).createSerializer(new SerializerConfigImpl())
                .snapshotConfiguration().resolveSchemaCompatibility(old);
        assertThat(c.isCompatibleAfterMigration()).isTrue();
        IncidentProcessor migrated = old.restoreSerializer().deserialize(new DataInputDeserializer(bytes.getCopyOfBuffer()));
        assertThat(Json.write(roundTrip(migrated))).isEqualTo(Json.write(p));
    }

    private static Set<String> fields(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) out.add(f.getName());
        }
        return out;
    }

    private static IncidentProcessor roundTrip(IncidentProcessor p) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        CODEC.write(p, out);
        return CODEC.read(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static TypeSerializerSnapshot<IncidentProcessor> restoredSnapshot(TypeSerializer<IncidentProcessor> s) throws Exception {
        TypeSerializerSnapshot<IncidentProcessor> snap = s.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        snap.writeSnapshot(out);
        CodecTypeInfo.Snapshot<IncidentProcessor> read = new CodecTypeInfo.Snapshot<>();
        read.readSnapshot(snap.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()), IncidentStateCodecTest.class.getClassLoader());
        return read;
    }

    private static List<String> run(List<Post> posts, IncidentSettings s, boolean restoreEachTick) {
        IncidentProcessor p = new IncidentProcessor("root", s);
        List<String> out = new ArrayList<>();
        int next = 0;
        for (long t = T0 + MIN; t <= T0 + 26 * 60 * MIN; t += MIN) {
            while (next < posts.size() && posts.get(next).eventTime < t) p.onPost(posts.get(next++));
            for (Incident i : p.onTimer(t)) out.add(Json.write(i));
            if (restoreEachTick) p = CODEC.copy(p).withSettings(s);
        }
        return out;
    }

    private static IncidentSettings settings() {
        IncidentSettings s = new IncidentSettings();
        s.mobilisationLexicon = "";
        return s.validate();
    }

    /** A cascade rooted at "root" with reposts of reposts, keywords, sentiment, regions, verified authors and linked cascades. */
    private static List<Post> cascade(Random rnd, int size) {
        List<Post> out = new ArrayList<>();
        List<String> words = Arrays.asList("爆炸", "化工厂", "救援", "伤亡", "通报", "调查", "现场", "消防");
        List<String> regions = Arrays.asList("江苏", "浙江", "北京", null);
        List<String> labels = Arrays.asList(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE);
        long t = T0;
        for (int i = 0; i < size; i++) {
            Post p = new Post();
            p.id = i == 0 ? "root" : "r" + i;
            p.source = "weibo";
            p.channel = "microblog";
            p.eventTime = t;
            p.publishedAt = Instant.ofEpochMilli(t).atOffset(ZoneOffset.ofHours(8)).toString();
            boolean linked = i > 0 && rnd.nextInt(8) == 0;
            if (i > 0 && !linked) {
                p.repostOf = "root";
                p.parentId = rnd.nextInt(3) == 0 ? out.get(rnd.nextInt(out.size())).id : "root";
                p.text = rnd.nextBoolean() ? "" : "转发评论 " + words.get(rnd.nextInt(words.size()));
            } else {
                p.text = "江苏某化工厂发生爆炸，现场浓烟滚滚 " + i;
                p.incidentRootId = i == 0 ? null : "root"; // a text-linked cascade of its own
            }
            p.author = new Author("a" + rnd.nextInt(200), null, (long) rnd.nextInt(2_000_000), rnd.nextInt(20) == 0, "江苏 南京");
            p.metrics = new Metrics((long) rnd.nextInt(50), (long) rnd.nextInt(20), (long) rnd.nextInt(100), null);
            p.sentiment = new Sentiment(labels.get(rnd.nextInt(3)), rnd.nextDouble());
            for (int k = rnd.nextInt(4); k > 0; k--) p.keywords.add(words.get(rnd.nextInt(words.size())));
            p.region = regions.get(rnd.nextInt(regions.size()));
            out.add(p);
            t += (long) (-Math.log(1 - rnd.nextDouble()) * (i < size / 2 ? 2_000 : 20_000));
        }
        return out;
    }
}
