package org.fengxiang.analytics.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Resources;

/** Reads UTF-8 lexicon files (disk or classpath via {@link Resources#open}); '#' starts a comment line. */
public final class LexiconFiles {
    private LexiconFiles() {}

    /** The trimmed, non-empty, non-comment lines of a lexicon file. */
    public static List<String> lines(String path) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Resources.open(path), StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            while ((line = r.readLine()) != null) {
                if (first && !line.isEmpty() && line.charAt(0) == '\ufeff') line = line.substring(1);
                first = false;
                line = line.strip();
                if (!line.isEmpty() && line.charAt(0) != '#') out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + path + ": " + e.getMessage(), e);
        }
        return out;
    }
}
