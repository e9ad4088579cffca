package org.fengxiang.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's files: the home directory (system property {@code fengxiang.home}, env
 * {@code FENGXIANG_HOME}, else the nearest directory upwards holding {@code config/fengxiang.yaml}),
 * and resources that live under {@code config/} on disk or, inside a job jar, on the classpath.
 */
public final class Resources {
    private Resources() {}

    /** The project home directory. */
    public static Path home() {
        String h = System.getProperty("fengxiang.home");
        if (h == null || h.isBlank()) h = System.getenv("FENGXIANG_HOME");
        if (h != null && !h.isBlank()) return Path.of(h).toAbsolutePath().normalize();
        Path p = Path.of("").toAbsolutePath();
        for (Path d = p; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("config/fengxiang.yaml"))) return d;
        }
        return p;
    }

    /** The configuration directory ({@code HOME/config}). */
    public static Path configDir() {
        return home().resolve("config");
    }

    /**
     * Reads a lexicon (one term per line, {@code #} starts a comment, blank lines ignored) through
     * {@link #open}; an empty path gives an empty list.
     */
    public static java.util.List<String> lexicon(String path) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (path == null || path.isBlank()) return out;
        try (java.io.BufferedReader r = new java.io.BufferedReader(
                new java.io.InputStreamReader(open(path), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!t.isEmpty()) out.add(t);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("lexicon " + path + ": " + e.getMessage(), e);
        }
        return java.util.List.copyOf(out);
    }

    /**
     * Opens a resource by path: an absolute or working-directory path, then relative to the home
     * directory, then the classpath (so {@code config/lexicon/x.txt} works inside a job jar).
     */
    public static InputStream open(String path) throws IOException {
        Path direct = Path.of(path);
        if (Files.isRegularFile(direct)) return Files.newInputStream(direct);
        Path inHome = home().resolve(path);
        if (Files.isRegularFile(inHome)) return Files.newInputStream(inHome);
        String cp = path.startsWith("/") ? path.substring(1) : path;
        InputStream in = Resources.class.getClassLoader().getResourceAsStream(cp);
        if (in == null) throw new IOException("resource not found: " + path + " (looked in " + direct.toAbsolutePath()
                + ", " + inHome + " and the classpath)");
        return in;
    }
}
