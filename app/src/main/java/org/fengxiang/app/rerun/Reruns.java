package org.fengxiang.app.rerun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fengxiang.core.Resources;

/** Where reruns keep their outputs: {@code var/reruns/NAME/} (JSONL, like analyze) beside their indices. */
public final class Reruns {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private Reruns() {}

    /** The root directory of reruns. */
    public static Path root() {
        return Resources.home().resolve("var").resolve("reruns");
    }

    /** A rerun's directory; the name is validated (it also names Elasticsearch indices). */
    public static Path dir(String name) {
        return root().resolve(validate(name));
    }

    /** Checks a rerun name: lower-case letters, digits, '-' and '_'. */
    public static String validate(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rerun name must match " + NAME.pattern() + ": " + name);
        }
        return name;
    }

    /** Names of existing reruns, oldest first. */
    public static List<String> list() {
        if (!Files.isDirectory(root())) return List.of();
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(Reruns::modified))
                    .map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest rerun. */
    public static Optional<String> newest() {
        List<String> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Deletes a rerun's directory. */
    public static void delete(String name) throws IOException {
        Path d = dir(name);
        if (!Files.isDirectory(d)) throw new IllegalArgumentException("no rerun named " + name);
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
