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
