package org.fengxiang.app.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The elements of all keys of one operator instance that wait for the watermark: serialised, by event time,
 * in arrival order within a time. One structure per instance instead of keyed state: a held element costs one
 * small object and its bytes, not a map entry, a timer and a timer-deduplication entry per key and time (a
 * minute of disorder at 3,000 posts/s is about a million held elements across the job's ordered stages).
 * Written to and read from checkpoints one key group at a time, so a restore may change the parallelism.
 */
final class HeldElements {
    /** One held element: its key, the key's key group, its event time and its serialised form. */
    record Held(String key, int keyGroup, long time, byte[] bytes) {}

    private final TreeMap<Long, List<Held>> byTime = new TreeMap<>();
    private int size;

    void add(Held h) {
        byTime.computeIfAbsent(h.time(), t -> new ArrayList<>(2)).add(h);
        size++;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The earliest held event time; Long.MAX_VALUE when nothing is held. */
    long firstTime() {
        return size == 0 ? Long.MAX_VALUE : byTime.firstKey();
    }

    /** Removes and returns the elements of the earliest event time, in arrival order. */
    List<Held> takeFirst() {
        Map.Entry<Long, List<Held>> e = byTime.pollFirstEntry();
        if (e == null) return List.of();
        size -= e.getValue().size();
        return e.getValue();
    }

    /** Hands every held element to {@code action}, by event time then arrival. */
    void forEach(java.util.function.Consumer<Held> action) {
        for (List<Held> at : byTime.values()) at.forEach(action);
    }

    /** The held elements of each key group from {@code first} to {@code last}, each list by event time then arrival. */
    List<List<Held>> byKeyGroup(int first, int last) {
        List<List<Held>> groups = new ArrayList<>(last - first + 1);
        for (int g = first; g <= last; g++) groups.add(new ArrayList<>());
        for (List<Held> at : byTime.values()) {
            for (Held h : at) {
                if (h.keyGroup() < first || h.keyGroup() > last) throw new IllegalStateException("held element of key group "
                        + h.keyGroup() + " outside this instance's key groups " + first + ".." + last);
                groups.get(h.keyGroup() - first).add(h);
            }
        }
        return groups;
    }

    /** Writes one key group's elements (as returned by {@link #byKeyGroup}): count, then key, time and bytes of each. */
    static void write(List<Held> group, DataOutput out) throws IOException {
        out.writeInt(group.size());
        for (Held h : group) writeOne(h, out);
    }

    /** Reads one key group written by {@link #write} and holds its elements again. */
    void read(int keyGroup, DataInput in) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) add(readOne(keyGroup, in));
    }

    /** Writes one element's key, time and bytes (not its key group). */
    static void writeOne(Held h, DataOutput out) throws IOException {
        byte[] key = h.key().getBytes(StandardCharsets.UTF_8);
        out.writeInt(key.length);
        out.write(key);
        out.writeLong(h.time());
        out.writeInt(h.bytes().length);
        out.write(h.bytes());
    }

    /** Reads one element written by {@link #writeOne}, of key group {@code keyGroup}. */
    static Held readOne(int keyGroup, DataInput in) throws IOException {
        byte[] key = new byte[in.readInt()];
        in.readFully(key);
        long time = in.readLong();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new Held(new String(key, StandardCharsets.UTF_8), keyGroup, time, bytes);
    }
}
