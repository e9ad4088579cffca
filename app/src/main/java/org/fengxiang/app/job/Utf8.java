package org.fengxiang.app.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Null-safe, lossless strings in binary state and records, encoded in the JDK's bulk (intrinsic) code paths,
 * where Flink's {@code StringValue} writes char by char. A variable-length tag comes first: 0 for null,
 * {@code 2n+1} for n bytes of UTF-8, or {@code 2n} for n UTF-16 chars (only for a string holding an unpaired
 * surrogate, which UTF-8 cannot carry).
 */
final class Utf8 {
    private Utf8() {}

    static void write(String s, DataOutputView out) throws IOException {
        if (s == null) {
            out.writeByte(0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (replaced(s, b)) {
            writeVarInt(s.length() << 1, out);
            for (int i = 0; i < s.length(); i++) out.writeChar(s.charAt(i));
            return;
        }
        writeVarInt(b.length << 1 | 1, out);
        out.write(b);
    }

    static String read(DataInputView in) throws IOException {
        int tag = readVarInt(in);
        if (tag == 0) return null;
        int n = tag >>> 1;
        if ((tag & 1) == 0) {
            char[] c = new char[n];
            for (int i = 0; i < n; i++) c[i] = in.readChar();
            return new String(c);
        }
        if (n == 0) return "";
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A null-safe list of strings: size + 1 (0 for null), then the elements. */
    static void writeList(List<String> l, DataOutputView out) throws IOException {
        if (l == null) {
            out.writeInt(0);
            return;
        }
        out.writeInt(l.size() + 1);
        for (String s : l) write(s, out);
    }

    /** A list written by {@link #writeList}. */
    static ArrayList<String> readList(DataInputView in) throws IOException {
        int n = in.readInt() - 1;
        if (n < 0) return null;
        ArrayList<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) l.add(read(in));
        return l;
    }

    /** True when encoding replaced an unpaired surrogate by '?' (more '?' bytes than '?' chars). */
    private static boolean replaced(String s, byte[] b) {
        int bytes = 0;
        for (byte x : b) if (x == '?') bytes++;
        if (bytes == 0) return false;
        int chars = 0;
        for (int i = s.indexOf('?'); i >= 0; i = s.indexOf('?', i + 1)) chars++;
        return bytes != chars;
    }

    private static void writeVarInt(int v, DataOutputView out) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarInt(DataInputView in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new IOException("malformed string size in serialized data");
    }
}
