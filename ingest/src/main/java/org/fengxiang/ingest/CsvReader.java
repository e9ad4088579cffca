package org.fengxiang.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 CSV reader: comma separated, double-quoted fields may hold commas, quotes and newlines. */
final class CsvReader {
    private final Reader in;
    private int peeked = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next row, or null at the end of input. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) return null;
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c < 0) break;
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') field.append('"');
                    else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else field.append((char) c);
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') unread(n);
                }
                break;
            } else field.append((char) c);
            c = read();
        }
        row.add(field.toString());
        return row;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }

    private void unread(int c) {
        peeked = c;
    }
}
