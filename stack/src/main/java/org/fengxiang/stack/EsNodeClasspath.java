package org.fengxiang.stack;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fengxiang.core.Resources;

/**
 * Finds the classpath of the Elasticsearch node JVM. In order: system property {@code fengxiang.esNode.classpath}
 * or environment variable {@code FENGXIANG_ES_NODE_CLASSPATH} (a full classpath); a distribution directory
 * {@code HOME/lib/es-node/} (all jars in it); a build tree {@code es-node/target/classes} +
 * {@code es-node/target/node-lib/*} found under the project home, the working directory or the ancestors of this
 * module's code location.
 */
final class EsNodeClasspath {
    private EsNodeClasspath() {}

    static String resolve() {
        String explicit = System.getProperty("fengxiang.esNode.classpath");
        if (explicit == null || explicit.isBlank()) explicit = System.getenv("FENGXIANG_ES_NODE_CLASSPATH");
        if (explicit != null && !explicit.isBlank()) return explicit;
        List<Path> looked = new ArrayList<>();
        for (Path root : candidateRoots()) {
            Path dist = root.resolve("lib/es-node");
            if (Files.isDirectory(dist) && hasJars(dist)) return dist.toAbsolutePath() + File.separator + "*";
            Path target = root.resolve("es-node/target");
            looked.add(target);
            if (Files.isDirectory(target.resolve("node-lib")) && Files.isDirectory(target.resolve("classes"))) {
                return target.resolve("classes").toAbsolutePath() + File.pathSeparator
                        + target.resolve("node-lib").toAbsolutePath() + File.separator + "*";
            }
        }
        throw new StackException("cannot find the Elasticsearch node classpath: build it with"
                + " './mvnw -pl es-node -am process-classes' (looked for es-node/target/node-lib under " + looked
                + "), or set -Dfengxiang.esNode.classpath / FENGXIANG_ES_NODE_CLASSPATH");
    }

    private static Set<Path> candidateRoots() {
        Set<Path> roots = new LinkedHashSet<>();
        roots.add(Resources.home());
        addAncestors(roots, Path.of("").toAbsolutePath());
        try {
            Path code = Path.of(EsNodeClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            addAncestors(roots, code);
        } catch (URISyntaxException | RuntimeException e) {
            // no code location (unusual class loader): the other roots remain
        }
        return roots;
    }

    private static void addAncestors(Set<Path> roots, Path from) {
        for (Path d = from; d != null; d = d.getParent()) roots.add(d);
    }

    private static boolean hasJars(Path dir) {
        try (var s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".jar"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
