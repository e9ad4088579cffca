package org.fengxiang.app.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a JSONL file (gzip is handled by the file source by extension) into {@link RawRecord}s with
 * their 1-based line numbers. Bytes that are not UTF-8 and over-long lines become records carrying
 * an error, so they reach the dead-letter output instead of vanishing.
 */
public final class JsonLinesFormat extends SimpleStreamFormat<RawRecord> {
    /** Longest line kept in full; the rest of a longer line is skipped. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    @Override
    public StreamFormat.Reader<RawRecord> createReader(Configuration config, FSDataInputStream in) {
        return new LineReader(in);
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }

    /** Byte-level line reader with strict UTF-8 decoding. */
    static final class LineReader implements StreamFormat.Reader<RawRecord> {
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int limit;
        private long line;
        private byte[] lineBuf = new byte[1024];

        LineReader(InputStream in) {
            this.in = in;
        }

        @Override
        public RawRecord read() throws IOException {
            while (true) {
                int len = 0;
                boolean tooLong = false;
                boolean any = false;
                while (true) {
                    if (pos == limit) {
                        limit = in.read(buf, 0, buf.length);
                        pos = 0;
                        if (limit <= 0) {
                            limit = 0;
                            if (!any) return null;
                            break;
                        }
                    }
                    any = true;
                    byte b = buf[pos++];
                    if (b == '\n') break;
                    if (len < MAX_LINE_BYTES) {
                        if (len == lineBuf.length) lineBuf = java.util.Arrays.copyOf(lineBuf, Math.min(MAX_LINE_BYTES, len * 2));
                        lineBuf[len++] = b;
                    } else {
                        tooLong = true;
                    }
                }
                line++;
                if (len > 0 && lineBuf[len - 1] == '\r') len--;
                if (tooLong) return new RawRecord(decodeLenient(lineBuf, 200), line, "line longer than " + MAX_LINE_BYTES + " bytes");
                if (len == 0 || isBlank(lineBuf, len)) continue;
                return decode(len);
            }
        }

        private RawRecord decode(int len) {
            int start = line == 1 && len >= 3 && (lineBuf[0] & 0xff) == 0xEF && (lineBuf[1] & 0xff) == 0xBB
                    && (lineBuf[2] & 0xff) == 0xBF ? 3 : 0;
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                return new RawRecord(dec.decode(ByteBuffer.wrap(lineBuf, start, len - start)).toString(), line, null);
            } catch (CharacterCodingException e) {
                return new RawRecord(decodeLenient(lineBuf, len), line, "input is not valid UTF-8");
            }
        }

        private static String decodeLenient(byte[] b, int len) {
            return new String(b, 0, Math.min(len, b.length), StandardCharsets.UTF_8);
        }

        private static boolean isBlank(byte[] b, int len) {
            for (int i = 0; i < len; i++) if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') return false;
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
