package org.fengxiang.app.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.fengxiang.core.IsoTimes;

/**
 * The raw archive: every raw record exactly as it arrived, gzip-compressed JSON lines partitioned by
 * event day ({@code day=2026-03-02/}), written by Flink's FileSink (files are committed on
 * checkpoints, so a restart neither loses nor repeats records). Works on any Flink file system
 * (local directory by default, S3 or HDFS in production). Reruns read it back.
 */
public final class RawArchive {
    static final String UNKNOWN_DAY = "day=unknown";

    private RawArchive() {}

    /** The archive sink writing under {@code dirUri}, days counted in {@code zone}. */
    public static FileSink<RawRecord> sink(String dirUri, ZoneId zone) {
        return FileSink.forBulkFormat(new Path(dirUri), new GzipLines())
                .withBucketAssigner(new DayAssigner(zone.getId()))
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("raw").withPartSuffix(".jsonl.gz").build())
                .build();
    }

    /** A bounded source over the archived days from {@code from} to {@code to} inclusive. */
    public static FileSource<RawRecord> source(String dirUri, LocalDate from, LocalDate to) throws IOException {
        Path root = new Path(dirUri);
        FileSystem fs = root.getFileSystem();
        List<Path> days = new ArrayList<>();
        FileStatus[] listing = fs.exists(root) ? fs.listStatus(root) : new FileStatus[0];
        for (FileStatus st : listing) {
            String name = st.getPath().getName();
            if (!st.isDir() || !name.startsWith("day=") || name.equals(UNKNOWN_DAY)) continue;
            LocalDate d = LocalDate.parse(name.substring(4));
            if (!d.isBefore(from) && !d.isAfter(to)) days.add(st.getPath());
        }
        if (days.isEmpty()) throw new IOException("no archived days between " + from + " and " + to + " under " + dirUri);
        return FileSource.forRecordStreamFormat(new JsonLinesFormat(), days.toArray(Path[]::new)).build();
    }

    /** The event day of a raw record in the zone, or null when it has no readable publishedAt. */
    static String day(String raw, ZoneId zone) {
        OffsetDateTime t = published(raw);
        return t == null ? null : t.atZoneSameInstant(zone).toLocalDate().toString();
    }

    /** The event time of a raw record in epoch milliseconds, or {@code fallback} when it has none. */
    static long eventTime(String raw, long fallback) {
        OffsetDateTime t = published(raw);
        return t == null ? fallback : t.toInstant().toEpochMilli();
    }

    /** True when the raw record has a readable {@code publishedAt}. */
    static boolean hasEventTime(String raw) {
        return published(raw) != null;
    }

    /**
     * The last record's publishedAt per thread: the source's timestamp assigner, its watermark generator and the
     * archive's day assigner (chained, one thread) each ask for the same record in turn.
     */
    private static final ThreadLocal<Published> LAST = new ThreadLocal<>();

    private record Published(String raw, OffsetDateTime time) {}

    private static OffsetDateTime published(String raw) {
        if (raw == null) return null;
        Published last = LAST.get();
        if (last != null && last.raw() == raw) return last.time();
        OffsetDateTime t = parsePublished(raw);
        LAST.set(new Published(raw, t));
        return t;
    }

    /** The first {@code "publishedAt": "<10 to 40 chars>"} of the raw text, parsed . */
    static OffsetDateTime parsePublished(String raw) {
        String value = publishedText(raw);
        if (value == null) return null;
        try {
            return IsoTimes.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The value of the first {@code "publishedAt"} key followed by optional whitespace, a colon, optional whitespace
     * and a quoted value of 10 to 40 characters: what {@code "publishedAt"\s*:\s*"([^"]{10,40})"} captures, found
     * with {@code indexOf} ({@code RawArchivePublishedTest} holds the expression as the reference).
     */
    static String publishedText(String raw) {
        String key = "\"publishedAt\"";
        for (int at = raw.indexOf(key); at >= 0; at = raw.indexOf(key, at + 1)) {
            int i = skipSpace(raw, at + key.length());
            if (i >= raw.length() || raw.charAt(i) != ':') continue;
            i = skipSpace(raw, i + 1);
            if (i >= raw.length() || raw.charAt(i) != '"') continue;
            int end = raw.indexOf('"', i + 1);
            int length = end - i - 1;
            if (end < 0 || length < 10 || length > 40) continue;
            return raw.substring(i + 1, end);
        }
        return null;
    }

    /** The index of the first character at or after {@code i} that is not regex whitespace ({@code \\s}). */
    private static int skipSpace(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') break;
            i++;
        }
        return i;
    }

    /** Buckets by event day. */
    static final class DayAssigner implements BucketAssigner<RawRecord, String> {
        private final String zone;
        private transient ZoneId zoneId;

        DayAssigner(String zone) {
            this.zone = zone;
        }

        @Override
        public String getBucketId(RawRecord r, Context ctx) {
            if (zoneId == null) zoneId = ZoneId.of(zone);
            String d = day(r.value, zoneId);
            return d == null ? UNKNOWN_DAY : "day=" + d;
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }

    /** Gzip-compressed JSON lines; one gzip stream per part file. */
    static final class GzipLines implements BulkWriter.Factory<RawRecord> {
        @Override
        public BulkWriter<RawRecord> create(FSDataOutputStream out) throws IOException {
            GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out), 64 * 1024);
            return new BulkWriter<>() {
                @Override
                public void addElement(RawRecord r) throws IOException {
                    gz.write(r.value.replace("\n", " ").getBytes(StandardCharsets.UTF_8));
                    gz.write('\n');
                }

                @Override
                public void flush() throws IOException {
                    gz.flush();
                }

                @Override
                public void finish() throws IOException {
                    gz.finish();
                }
            };
        }
    }

    /** Leaves closing the part file to the FileSink. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override public void write(int b) throws IOException { out.write(b); }
        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
        @Override public void flush() throws IOException { out.flush(); }
        @Override public void close() {}
    }
}
