package org.fengxiang.app.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.fengxiang.analytics.incident.BurstDetector;
import org.fengxiang.analytics.incident.CascadeTree;
import org.fengxiang.analytics.incident.DistinctCounter;
import org.fengxiang.analytics.incident.IncidentAggregate;
import org.fengxiang.analytics.incident.IncidentProcessor;
import org.fengxiang.analytics.incident.PostEvent;
import org.fengxiang.analytics.incident.TermCounter;
import org.fengxiang.core.Spreader;

/**
 * Binary encoding of an incident detector's state, field by field, in place of JSON.
 *
 * <p>The incidents and early-warning operators keep one {@link IncidentProcessor} per incident root. Under
 * RocksDB every cache miss and eviction went through Jackson, and on the heap backend every checkpoint and
 * every copy-on-write did. Unlike the JSON encoding (whose maps are written sorted by key) the cascade tree
 * keeps its application order across a round trip. Settings are not part of the state: the driver re-attaches
 * them. A leading version byte leaves room for later fields; {@code IncidentStateCodecTest} fails when a
 * state class gains a public field this codec does not write.
 */
public final class IncidentStateCodec implements StateCodec<IncidentProcessor> {
    static final int VERSION = 1;

    @Override public Class<IncidentProcessor> type() { return IncidentProcessor.class; }

    @Override
    public IncidentProcessor copy(IncidentProcessor value) {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        try {
            write(value, out);
            return read(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new IllegalStateException("incident state copy failed", e);
        }
    }

    @Override
    public void write(IncidentProcessor p, DataOutputView out) throws IOException {
        out.writeByte(VERSION);
        Utf8.write(p.rootId, out);
        Utf8.write(p.incidentId, out);
        writeEvents(p.buffer, out);
        out.writeLong(p.clock);
        Utf8.write(p.stage, out);
        out.writeLong(p.stageSince);
        out.writeLong(p.episodePeak);
        out.writeLong(p.peakWindowCount);
        out.writeBoolean(p.everActive);
        out.writeBoolean(p.finished);
        out.writeBoolean(p.dirty);
        writeBurst(p.burst, out);
        writeAggregate(p.agg, out);
    }

    @Override
    public IncidentProcessor read(DataInputView in) throws IOException {
        int version = in.readUnsignedByte();
        if (version != VERSION) throw new IOException("incident state: unknown encoding version " + version);
        IncidentProcessor p = new IncidentProcessor();
        p.rootId = Utf8.read(in);
        p.incidentId = Utf8.read(in);
        p.buffer = readEvents(in);
        p.clock = in.readLong();
        p.stage = Utf8.read(in);
        p.stageSince = in.readLong();
        p.episodePeak = in.readLong();
        p.peakWindowCount = in.readLong();
        p.everActive = in.readBoolean();
        p.finished = in.readBoolean();
        p.dirty = in.readBoolean();
        p.burst = readBurst(in);
        p.agg = readAggregate(in);
        return p;
    }

    private static void writeEvents(List<PostEvent> events, DataOutputView out) throws IOException {
        out.writeInt(events == null ? -1 : events.size());
        if (events == null) return;
        for (PostEvent e : events) {
            Utf8.write(e.id, out);
            out.writeLong(e.eventTime);
            Utf8.write(e.parentId, out);
            Utf8.write(e.cascadeRoot, out);
            out.writeBoolean(e.repost);
            Utf8.write(e.authorId, out);
            out.writeLong(e.followers);
            out.writeBoolean(e.verified);
            Utf8.writeList(e.keywords, out);
            Utf8.write(e.sentiment, out);
            out.writeLong(e.interactions);
            Utf8.write(e.region, out);
            out.writeBoolean(e.mobilisation);
            Utf8.write(e.title, out);
        }
    }

    private static ArrayList<PostEvent> readEvents(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        ArrayList<PostEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PostEvent e = new PostEvent();
            e.id = Utf8.read(in);
            e.eventTime = in.readLong();
            e.parentId = Utf8.read(in);
            e.cascadeRoot = Utf8.read(in);
            e.repost = in.readBoolean();
            e.authorId = Utf8.read(in);
            e.followers = in.readLong();
            e.verified = in.readBoolean();
            e.keywords = Utf8.readList(in);
            e.sentiment = Utf8.read(in);
            e.interactions = in.readLong();
            e.region = Utf8.read(in);
            e.mobilisation = in.readBoolean();
            e.title = Utf8.read(in);
            events.add(e);
        }
        return events;
    }

    private static void writeBurst(BurstDetector b, DataOutputView out) throws IOException {
        out.writeBoolean(b != null);
        if (b == null) return;
        out.writeInt(b.ring == null ? -1 : b.ring.length);
        if (b.ring != null) for (int v : b.ring) out.writeInt(v);
        out.writeInt(b.pos);
        out.writeLong(b.windowCount);
        out.writeLong(b.previousCount);
        out.writeDouble(b.baseline);
        out.writeLong(b.minutes);
    }

    private static BurstDetector readBurst(DataInputView in) throws IOException {
        if (!in.readBoolean()) return null;
        BurstDetector b = new BurstDetector();
        int n = in.readInt();
        if (n >= 0) {
            b.ring = new int[n];
            for (int i = 0; i < n; i++) b.ring[i] = in.readInt();
        }
        b.pos = in.readInt();
        b.windowCount = in.readLong();
        b.previousCount = in.readLong();
        b.baseline = in.readDouble();
        b.minutes = in.readLong();
        return b;
    }

    private static void writeAggregate(IncidentAggregate a, DataOutputView out) throws IOException {
        out.writeBoolean(a != null);
        if (a == null) return;
        for (long v : new long[] {a.postCount, a.interactions, a.negative, a.neutral, a.positive, a.mobilisationPosts,
                a.verifiedPosts, a.maxFollowers, a.firstSeen, a.lastSeen, a.originTime}) out.writeLong(v);
        Utf8.write(a.originId, out);
        Utf8.write(a.originAuthorId, out);
        Utf8.write(a.title, out);
        out.writeBoolean(a.rootSeen);
        writeTree(a.tree, out);
        writeTerms(a.keywords, out);
        writeTerms(a.regions, out);
        writeDistinct(a.authors, out);
        writeDistinct(a.linkedCascades, out);
        Utf8.writeList(a.linkedRoots, out);
        out.writeInt(a.influencers == null ? -1 : a.influencers.size());
        if (a.influencers != null) {
            for (Spreader s : a.influencers) {
                out.writeBoolean(s != null);
                if (s == null) continue;
                Utf8.write(s.postId, out);
                Utf8.write(s.authorId, out);
                out.writeLong(s.reach);
            }
        }
        out.writeInt(a.influencerTimes == null ? -1 : a.influencerTimes.size());
        if (a.influencerTimes != null) for (Long t : a.influencerTimes) out.writeLong(t);
    }

    private static IncidentAggregate readAggregate(DataInputView in) throws IOException {
        if (!in.readBoolean()) return null;
        IncidentAggregate a = new IncidentAggregate();
        a.postCount = in.readLong();
        a.interactions = in.readLong();
        a.negative = in.readLong();
        a.neutral = in.readLong();
        a.positive = in.readLong();
        a.mobilisationPosts = in.readLong();
        a.verifiedPosts = in.readLong();
        a.maxFollowers = in.readLong();
        a.firstSeen = in.readLong();
        a.lastSeen = in.readLong();
        a.originTime = in.readLong();
        a.originId = Utf8.read(in);
        a.originAuthorId = Utf8.read(in);
        a.title = Utf8.read(in);
        a.rootSeen = in.readBoolean();
        a.tree = readTree(in);
        a.keywords = readTerms(in);
        a.regions = readTerms(in);
        a.authors = readDistinct(in);
        a.linkedCascades = readDistinct(in);
        a.linkedRoots = Utf8.readList(in);
        int n = in.readInt();
        a.influencers = n < 0 ? null : new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            a.influencers.add(in.readBoolean() ? new Spreader(Utf8.read(in), Utf8.read(in), in.readLong()) : null);
        }
        n = in.readInt();
        a.influencerTimes = n < 0 ? null : new ArrayList<>(n);
        for (int i = 0; i < n; i++) a.influencerTimes.add(in.readLong());
        return a;
    }

    private static void writeTree(CascadeTree t, DataOutputView out) throws IOException {
        out.writeBoolean(t != null);
        if (t == null) return;
        out.writeLong(t.dropped);
        out.writeInt(t.nodes == null ? -1 : t.nodes.size());
        if (t.nodes == null) return;
        for (Map.Entry<String, CascadeTree.Node> e : t.nodes.entrySet()) {
            CascadeTree.Node n = e.getValue();
            Utf8.write(e.getKey(), out);
            Utf8.write(n.parentId, out);
            out.writeLong(n.eventTime);
            Utf8.write(n.authorId, out);
            out.writeBoolean(n.repost);
        }
    }

    private static CascadeTree readTree(DataInputView in) throws IOException {
        if (!in.readBoolean()) return null;
        CascadeTree t = new CascadeTree();
        t.dropped = in.readLong();
        int n = in.readInt();
        t.nodes = n < 0 ? null : new LinkedHashMap<>(capacity(n));
        for (int i = 0; i < n; i++) {
            String id = Utf8.read(in);
            CascadeTree.Node node = new CascadeTree.Node();
            node.parentId = Utf8.read(in);
            node.eventTime = in.readLong();
            node.authorId = Utf8.read(in);
            node.repost = in.readBoolean();
            t.nodes.put(id, node);
        }
        return t;
    }

    private static void writeTerms(TermCounter c, DataOutputView out) throws IOException {
        out.writeInt(c == null ? -2 : c.counts == null ? -1 : c.counts.size());
        if (c == null || c.counts == null) return;
        for (Map.Entry<String, Long> e : c.counts.entrySet()) {
            Utf8.write(e.getKey(), out);
            out.writeLong(e.getValue());
        }
    }

    private static TermCounter readTerms(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n == -2) return null;
        TermCounter c = new TermCounter();
        c.counts = n < 0 ? null : new HashMap<>(capacity(n));
        for (int i = 0; i < n; i++) c.counts.put(Utf8.read(in), in.readLong());
        return c;
    }

    private static void writeDistinct(DistinctCounter c, DataOutputView out) throws IOException {
        out.writeInt(c == null ? -2 : c.hashes == null ? -1 : c.hashes.size());
        if (c == null) return;
        out.writeInt(c.level);
        if (c.hashes != null) for (Long h : c.hashes) out.writeLong(h);
    }

    private static DistinctCounter readDistinct(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n == -2) return null;
        DistinctCounter c = new DistinctCounter();
        c.level = in.readInt();
        c.hashes = n < 0 ? null : new HashSet<>(capacity(n));
        for (int i = 0; i < n; i++) c.hashes.add(in.readLong());
        return c;
    }

    private static int capacity(int size) {
        return Math.max(16, (int) (size / 0.75f) + 1);
    }
}
