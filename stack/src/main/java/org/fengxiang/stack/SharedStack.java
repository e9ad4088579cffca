package org.fengxiang.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One embedded stack per JVM for integration tests of any module (it is in the main jar, so every module
 * depending on {@code fengxiang-stack} can use it). Started lazily on free ports under
 * {@code target/shared-stack-<pid>/} (or the temp dir outside a Maven module) and stopped by a shutdown hook;
 * the children also exit by themselves if the test JVM dies. Each service is started at most once per JVM.
 */
public final class SharedStack {
    private static final List<EmbeddedStack> STACKS = new ArrayList<>();
    private static final Map<Service, Endpoints> BY_SERVICE = new EnumMap<>(Service.class);
    private static Path baseDir;

    private SharedStack() {}

    /** Endpoints of a stack with every service. */
    public static Endpoints get() {
        return get(Service.values());
    }

    /** Endpoints of a stack with at least the given services (the others' fields are null unless started earlier). */
    public static synchronized Endpoints get(Service... needed) {
        Set<Service> missing = EnumSet.noneOf(Service.class);
        for (Service s : needed) if (!BY_SERVICE.containsKey(s)) missing.add(s);
        if (!missing.isEmpty()) {
            Path dir = base().resolve("stack-" + STACKS.size());
            EmbeddedStack stack = EmbeddedStack.builder().dataDir(dir).services(missing.toArray(new Service[0])).build();
            Endpoints e = stack.start(); // registers its own shutdown hook
            STACKS.add(stack);
            for (Service s : missing) BY_SERVICE.put(s, e);
        }
        return merged();
    }

    private static Endpoints merged() {
        Endpoints k = BY_SERVICE.get(Service.KAFKA);
        Endpoints es = BY_SERVICE.get(Service.ELASTICSEARCH);
        Endpoints m = BY_SERVICE.get(Service.MAIL);
        return new Endpoints(k == null ? null : k.kafkaBootstrap(), es == null ? null : es.elasticsearchUrl(),
                m == null ? null : m.smtpHost(), m == null ? 0 : m.smtpPort(), m == null ? 0 : m.imapPort(),
                m == null ? null : m.mailDir(), base());
    }

    private static Path base() {
        if (baseDir == null) {
            Path target = Path.of("target");
            Path parent = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            deleteStale(parent);
            baseDir = parent.resolve("shared-stack-" + ProcessHandle.current().pid()).toAbsolutePath();
        }
        return baseDir;
    }

    /** Removes the directories of earlier test JVMs that are gone (they are kept until then for their logs). */
    private static void deleteStale(Path parent) {
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().matches("shared-stack-\\d+")).toList()) {
                long pid = Long.parseLong(d.getFileName().toString().substring("shared-stack-".length()));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                try (Stream<Path> all = Files.walk(d)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // stale directories are only a disk-space matter
        }
    }
}
