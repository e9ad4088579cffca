package org.fengxiang.app.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The classpath of a Flink "distribution" made of Maven artifacts: the jars of this test JVM's classpath without
 * the project's own classes, the embedded stack's servers and the libraries only the job uses (Kafka connector and
 * client, Elasticsearch client, HanLP, ...), which must therefore come from the submitted job jar, as on a real
 * cluster. Flink's own dependencies (commons-cli, kryo, ...) stay, as in {@code flink-dist}; {@code flink-runtime-web}
 * (jar upload and run over REST) comes from {@code target/flink-dist-extra}.
 */
final class ClusterClasspath {
    /** Path fragments of jars a Flink distribution does not have. */
    private static final List<String> NOT_FLINK = List.of(
            "/org/apache/kafka/", "/org/scala-lang/", "/com/icegreen/", "/com/typesafe/", // the embedded broker and mail server
            "/flink-connector-kafka/", "/co/elastic/", "/org/elasticsearch/", "/com/hankcs/", "/org/jsoup/",
            "/com/rometools/", "/com/github/crawler-commons/", "/org/eclipse/angus/", "/jakarta/mail/", "/info/picocli/",
            "/me/tongfei/", "/com/fasterxml/jackson/dataformat/");

    private ClusterClasspath() {}

    static String flinkDistribution() throws IOException {
        List<String> out = new ArrayList<>();
        Path extra = Path.of("target", "flink-dist-extra"); // flink-runtime-web, copied there by the build
        try (var jars = Files.list(extra)) {
            jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> out.add(p.toAbsolutePath().toString()));
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(p)) continue; // target/classes, target/test-classes
            if (p.getFileName().toString().startsWith("fengxiang-") || NOT_FLINK.stream().anyMatch(entry::contains)) continue;
            out.add(entry);
        }
        return String.join(File.pathSeparator, out);
    }

    /** The entries of the job jar among the given class files (e.g. {@code org/slf4j/LoggerFactory.class}). */
    static Set<String> present(Path jobJar, List<String> classFiles) throws IOException {
        Set<String> found = new HashSet<>();
        try (JarFile jar = new JarFile(jobJar.toFile())) {
            for (String c : classFiles) if (jar.getEntry(c) != null) found.add(c);
        }
        return found;
    }
}
