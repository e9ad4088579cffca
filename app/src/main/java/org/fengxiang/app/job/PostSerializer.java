package org.fengxiang.app.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fengxiang.core.Author;
import org.fengxiang.core.Metrics;
import org.fengxiang.core.Post;
import org.fengxiang.core.Sentiment;

/**
 * The Flink serializer of {@link Post}, written field by field (the reflective POJO serializer was a tenth of the
 * job's CPU: every post crosses several keyed exchanges and sits in event-time buffers that are checkpointed).
 * Strings are written as their UTF-8 bytes behind a variable-length size ({@link Utf8}; null-safe: Flink's {@code StringValue}
 * writes char by char, and Chinese text takes 3 bytes a char either way); nested objects and boxed values behind a presence bit.
 * A change of {@code Post}'s fields must change this class and its snapshot {@link #VERSION}
 * ({@code PostSerializerTest} fails until it does).
 */
public final class PostSerializer extends TypeSerializer<Post> {
    private static final long serialVersionUID = 1L;
    /** The layout version, recorded in checkpoints. */
    static final int VERSION = 3;
    /** The older layout this build still reads: version 2 had no early-copy fingerprint (its flag bit is never set). */
    static final int READABLE_VERSION = 2;

    private static final int AUTHOR = 1;
    private static final int METRICS = 1 << 1;
    private static final int SENTIMENT = 1 << 2;
    private static final int PROVISIONAL = 1 << 3;
    private static final int PROVISIONAL_TRUE = 1 << 4;
    private static final int EARLY_COPY = 1 << 5;

    @Override public boolean isImmutableType() { return false; }
    @Override public TypeSerializer<Post> duplicate() { return this; }
    @Override public Post createInstance() { return new Post(); }
    @Override public int getLength() { return -1; }
    @Override public Post copy(Post from, Post reuse) { return copy(from); }
    @Override public Post deserialize(Post reuse, DataInputView in) throws IOException { return deserialize(in); }

    /** A deep copy: new author, metrics, sentiment and lists (strings are shared, they are immutable). */
    @Override
    public Post copy(Post f) {
        Post p = new Post();
        p.id = f.id;
        p.source = f.source;
        p.channel = f.channel;
        p.url = f.url;
        p.author = f.author == null ? null : new Author(f.author.id, f.author.name, f.author.followers, f.author.verified, f.author.location);
        p.title = f.title;
        p.text = f.text;
        p.publishedAt = f.publishedAt;
        p.eventTime = f.eventTime;
        p.fetchedAt = f.fetchedAt;
        p.metrics = f.metrics == null ? null : new Metrics(f.metrics.reposts, f.metrics.comments, f.metrics.likes, f.metrics.views);
        p.repostOf = f.repostOf;
        p.parentId = f.parentId;
        p.lang = f.lang;
        p.incidentId = f.incidentId;
        p.provisional = f.provisional;
        p.incidentRootId = f.incidentRootId;
        p.ingestedAt = f.ingestedAt;
        p.earlyCopy = f.earlyCopy;
        p.sentiment = f.sentiment == null ? null : new Sentiment(f.sentiment.label, f.sentiment.score);
        p.keywords = copyList(f.keywords);
        p.dupOf = f.dupOf;
        p.hashtags = copyList(f.hashtags);
        p.mentions = copyList(f.mentions);
        p.urls = copyList(f.urls);
        p.emoticons = copyList(f.emoticons);
        p.places = copyList(f.places);
        p.organizations = copyList(f.organizations);
        p.region = f.region;
        p.simhash = f.simhash;
        p.textHash = f.textHash;
        return p;
    }

    @Override
    public void serialize(Post p, DataOutputView out) throws IOException {
        int flags = (p.author != null ? AUTHOR : 0) | (p.metrics != null ? METRICS : 0) | (p.sentiment != null ? SENTIMENT : 0)
                | (p.provisional != null ? PROVISIONAL : 0) | (Boolean.TRUE.equals(p.provisional) ? PROVISIONAL_TRUE : 0)
                | (p.earlyCopy != 0 ? EARLY_COPY : 0);
        out.writeByte(flags);
        strings(out, p.id, p.source, p.channel, p.url, p.title, p.text, p.publishedAt, p.fetchedAt, p.repostOf, p.parentId,
                p.lang, p.incidentId, p.incidentRootId, p.dupOf, p.region, p.textHash);
        out.writeLong(p.eventTime);
        out.writeLong(p.ingestedAt);
        out.writeLong(p.simhash);
        if (p.earlyCopy != 0) out.writeLong(p.earlyCopy);
        if (p.author != null) {
            strings(out, p.author.id, p.author.name, p.author.location);
            writeLong(out, p.author.followers);
            out.writeByte(p.author.verified == null ? 2 : p.author.verified ? 1 : 0);
        }
        if (p.metrics != null) {
            writeLong(out, p.metrics.reposts);
            writeLong(out, p.metrics.comments);
            writeLong(out, p.metrics.likes);
            writeLong(out, p.metrics.views);
        }
        if (p.sentiment != null) {
            Utf8.write(p.sentiment.label, out);
            out.writeDouble(p.sentiment.score);
        }
        for (List<String> l : lists(p)) Utf8.writeList(l, out);
    }

    @Override
    public Post deserialize(DataInputView in) throws IOException {
        Post p = new Post();
        int flags = in.readByte();
        p.id = Utf8.read(in);
        p.source = Utf8.read(in);
        p.channel = Utf8.read(in);
        p.url = Utf8.read(in);
        p.title = Utf8.read(in);
        p.text = Utf8.read(in);
        p.publishedAt = Utf8.read(in);
        p.fetchedAt = Utf8.read(in);
        p.repostOf = Utf8.read(in);
        p.parentId = Utf8.read(in);
        p.lang = Utf8.read(in);
        p.incidentId = Utf8.read(in);
        p.incidentRootId = Utf8.read(in);
        p.dupOf = Utf8.read(in);
        p.region = Utf8.read(in);
        p.textHash = Utf8.read(in);
        p.eventTime = in.readLong();
        p.ingestedAt = in.readLong();
        p.simhash = in.readLong();
        if ((flags & EARLY_COPY) != 0) p.earlyCopy = in.readLong();
        if ((flags & AUTHOR) != 0) {
            p.author = new Author(Utf8.read(in), Utf8.read(in), null, null, Utf8.read(in));
            p.author.followers = readLong(in);
            int verified = in.readByte();
            p.author.verified = verified == 2 ? null : verified == 1;
        }
        if ((flags & METRICS) != 0) p.metrics = new Metrics(readLong(in), readLong(in), readLong(in), readLong(in));
        if ((flags & SENTIMENT) != 0) p.sentiment = new Sentiment(Utf8.read(in), in.readDouble());
        if ((flags & PROVISIONAL) != 0) p.provisional = (flags & PROVISIONAL_TRUE) != 0;
        p.keywords = Utf8.readList(in);
        p.hashtags = Utf8.readList(in);
        p.mentions = Utf8.readList(in);
        p.urls = Utf8.readList(in);
        p.emoticons = Utf8.readList(in);
        p.places = Utf8.readList(in);
        p.organizations = Utf8.readList(in);
        return p;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override public boolean equals(Object o) { return o instanceof PostSerializer; }
    @Override public int hashCode() { return PostSerializer.class.hashCode(); }

    @Override
    public TypeSerializerSnapshot<Post> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * The serializer's snapshot: the layout version; state written in this layout or in {@link #READABLE_VERSION}
     * is restored, state of any other layout cannot be.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<Post> {
        private int layout = VERSION;

        public Snapshot() {}

        @Override public int getCurrentVersion() { return 1; }
        @Override public void writeSnapshot(DataOutputView out) throws IOException { out.writeInt(layout); }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            layout = in.readInt();
        }

        @Override
        public TypeSerializer<Post> restoreSerializer() {
            if (!readable(layout)) {
                throw new IllegalStateException("state holds posts in serializer layout " + layout + ", this build reads layout "
                        + VERSION + ": start the job without that checkpoint (reprocess from Kafka)");
            }
            return new PostSerializer();
        }

        @Override
        public TypeSerializerSchemaCompatibility<Post> resolveSchemaCompatibility(TypeSerializerSnapshot<Post> old) {
            return old instanceof Snapshot s && readable(s.layout)
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs() : TypeSerializerSchemaCompatibility.incompatible();
        }
    }

    private static boolean readable(int layout) {
        return layout == VERSION || layout == READABLE_VERSION;
    }

    private static List<List<String>> lists(Post p) {
        return java.util.Arrays.asList(p.keywords, p.hashtags, p.mentions, p.urls, p.emoticons, p.places, p.organizations);
    }

    private static void strings(DataOutputView out, String... values) throws IOException {
        for (String s : values) Utf8.write(s, out);
    }

    private static void writeLong(DataOutputView out, Long v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) out.writeLong(v);
    }

    private static Long readLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static List<String> copyList(List<String> l) {
        return l == null ? null : new ArrayList<>(l);
    }
}
