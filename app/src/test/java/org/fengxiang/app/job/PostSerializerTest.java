package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fengxiang.core.Author;
import org.fengxiang.core.Json;
import org.fengxiang.core.Metrics;
import org.fengxiang.core.Post;
import org.fengxiang.core.Sentiment;
import org.junit.jupiter.api.Test;

class PostSerializerTest {
    private final PostSerializer serializer = new PostSerializer();

    @Test
    void everyFieldSurvivesTheRoundTripAndTheCopy() throws Exception {
        for (Post p : List.of(full(), sparse(), new Post())) {
            Post back = roundTrip(p);
            assertSame(back, p);
            assertSame(serializer.copy(p), p);
            DataOutputSerializer out = new DataOutputSerializer(256);
            serializer.serialize(p, out);
            DataOutputSerializer copied = new DataOutputSerializer(256);
            serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
            assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
        }
    }

    @Test
    void theCopyIsDeep() {
        Post p = full();
        Post c = serializer.copy(p);
        c.author.name = "改";
        c.metrics.likes = 0L;
        c.sentiment.score = 0;
        c.keywords.add("改");
        assertSame(p, full());
    }

    @Test
    void theSerializerKnowsEveryFieldOfThePost() {
        // a failure here means Post (or a type it holds) changed: update PostSerializer and bump its VERSION
        assertThat(fields(Post.class)).containsExactly("id", "source", "channel", "url", "author", "title", "text", "publishedAt",
                "eventTime", "fetchedAt", "metrics", "repostOf", "parentId", "lang", "incidentId", "provisional", "earlyCopy", "incidentRootId",
                "ingestedAt", "sentiment", "keywords", "dupOf", "hashtags", "mentions", "urls", "emoticons", "places",
                "organizations", "region", "simhash", "textHash");
        assertThat(fields(Author.class)).containsExactly("id", "name", "followers", "verified", "location");
        assertThat(fields(Metrics.class)).containsExactly("reposts", "comments", "likes", "views");
        assertThat(fields(Sentiment.class)).containsExactly("label", "score");
        assertThat(PostSerializer.VERSION).isEqualTo(3);
    }

    @Test
    void flinkUsesItForPostsAndForPostsInsideOtherRecordsOnceRegistered() {
        PostTypeInfo.register();
        PostTypeInfo.register();
        assertThat(TypeInformation.of(Post.class)).isSameAs(PostTypeInfo.INSTANCE);
        PojoTypeInfo<BandProbe> probe = (PojoTypeInfo<BandProbe>) TypeInformation.of(BandProbe.class);
        assertThat(probe.getTypeAt(probe.getFieldIndex("post"))).isSameAs(PostTypeInfo.INSTANCE);
    }

    @Test
    void aRestoredSnapshotIsCompatibleAsIs() throws Exception {
        TypeSerializerSnapshot<Post> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<Post> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        TypeSerializer<Post> restored = read.restoreSerializer();
        assertThat(restored).isEqualTo(serializer);
        TypeSerializerSchemaCompatibility<Post> c = serializer.snapshotConfiguration().resolveSchemaCompatibility(read);
        assertThat(c.isCompatibleAsIs()).isTrue();
    }

    @Test
    void stateOfTheLayoutBeforeTheEarlyCopyFingerprintIsStillRead() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeInt(PostSerializer.READABLE_VERSION);
        PostSerializer.Snapshot old = new PostSerializer.Snapshot();
        old.readSnapshot(1, new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(old.restoreSerializer()).isEqualTo(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(old).isCompatibleAsIs()).isTrue();
        // a post without a fingerprint is written as layout 2 wrote it: its flag bit stays clear
        Post p = full();
        p.earlyCopy = 0;
        DataOutputSerializer bytes = new DataOutputSerializer(256);
        serializer.serialize(p, bytes);
        assertThat(bytes.getCopyOfBuffer()[0] & (1 << 5)).isZero();
        out.clear();
        out.writeInt(PostSerializer.READABLE_VERSION - 1);
        PostSerializer.Snapshot older = new PostSerializer.Snapshot();
        older.readSnapshot(1, new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        org.assertj.core.api.Assertions.assertThatThrownBy(older::restoreSerializer).hasMessageContaining("layout 1");
    }

    private Post roundTrip(Post p) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(p, out);
        serializer.serialize(p, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        serializer.deserialize(in);
        Post back = serializer.deserialize(in);
        assertThat(in.available()).isZero();
        return back;
    }

    /** JSON covers every field but three, none of them part of the JSON: ingestedAt, provisional and earlyCopy. */
    private static void assertSame(Post actual, Post expected) {
        assertThat(Json.write(actual)).isEqualTo(Json.write(expected));
        assertThat(actual.ingestedAt).isEqualTo(expected.ingestedAt);
        assertThat(actual.provisional).isEqualTo(expected.provisional);
        assertThat(actual.earlyCopy).isEqualTo(expected.earlyCopy);
    }

    private static Post full() {
        Post p = new Post();
        p.id = "weibo:1";
        p.source = "weibo";
        p.channel = "social";
        p.url = "https://weibo.example/1";
        p.author = new Author("u1", "张三", 1200L, true, "北京");
        p.title = "标题";
        p.text = "化工厂爆炸 😢 \u0000 控制字符";
        p.publishedAt = "2026-11-20T10:00:00+08:00";
        p.eventTime = 1_763_604_000_000L;
        p.fetchedAt = "2026-11-20T10:00:05+08:00";
        p.metrics = new Metrics(1L, null, 3L, 4L);
        p.repostOf = "weibo:0";
        p.parentId = "weibo:0";
        p.lang = "zh";
        p.incidentId = "inc-1";
        p.provisional = true;
        p.earlyCopy = -7L;
        p.incidentRootId = "weibo:0";
        p.ingestedAt = 1_763_604_001_000L;
        p.sentiment = new Sentiment(Sentiment.NEGATIVE, -0.75);
        p.keywords = new ArrayList<>(List.of("爆炸", "化工厂"));
        p.dupOf = "weibo:00";
        p.hashtags = new ArrayList<>(List.of("临江爆炸"));
        p.mentions = new ArrayList<>(List.of("应急管理部"));
        p.urls = new ArrayList<>(List.of("https://t.cn/x"));
        p.emoticons = new ArrayList<>(List.of("[泪]"));
        p.places = new ArrayList<>(List.of("临江"));
        p.organizations = new ArrayList<>(List.of("临江化工"));
        p.region = "江苏";
        p.simhash = -42L;
        p.textHash = "abc";
        return p;
    }

    private static Post sparse() {
        Post p = new Post();
        p.id = "news:2";
        p.author = new Author(null, null, null, false, null);
        p.provisional = false;
        p.keywords = null;
        p.urls = new ArrayList<>(Arrays.asList("a", null));
        return p;
    }

    private static List<String> fields(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) && !Modifier.isTransient(m)) names.add(f.getName());
        }
        return names;
    }
}
