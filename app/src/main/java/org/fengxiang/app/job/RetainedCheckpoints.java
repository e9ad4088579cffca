package org.fengxiang.app.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The completed checkpoints a streaming run left in its checkpoint directory
 * ({@code <dir>/<job id>/chk-N/_metadata}; Flink writes {@code _metadata} last, so a checkpoint interrupted by a
 * crash has none and is ignored). Used by {@code run --resume} after a crash, a kill or Ctrl-C.
 */
public final class RetainedCheckpoints {
    private RetainedCheckpoints() {}

    /** The most recently completed checkpoint under {@code dir} (any job), or empty. */
    public static Optional<Path> latest(Path dir) {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> jobs = Files.list(dir)) {
            return jobs.filter(Files::isDirectory).flatMap(RetainedCheckpoints::completed)
                    .max(Comparator.comparing(RetainedCheckpoints::completedAt).thenComparingLong(RetainedCheckpoints::number));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
        }
    }

    /**
     * Deletes the directories of earlier jobs except the one holding {@code keep} (its job restores from it and
     * then writes full checkpoints of its own), so resumed runs do not pile up old state.
     */
    public static void pruneExcept(Path dir, Path keep) {
        Path keepJob = keep.toAbsolutePath().normalize().getParent();
        try (Stream<Path> jobs = Files.list(dir)) {
            for (Path job : jobs.filter(Files::isDirectory).toList()) {
                if (!job.toAbsolutePath().normalize().equals(keepJob)) deleteTree(job);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune checkpoints in " + dir, e);
        }
    }

    private static Stream<Path> completed(Path jobDir) {
        try (Stream<Path> s = Files.list(jobDir)) {
            return s.filter(p -> p.getFileName().toString().matches("chk-\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata"))).toList().stream();
        } catch (IOException e) {
            return Stream.empty(); // a job directory being deleted meanwhile
        }
    }

    private static FileTime completedAt(Path chk) {
        try {
            return Files.getLastModifiedTime(chk.resolve("_metadata"));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long number(Path chk) {
        return Long.parseLong(chk.getFileName().toString().substring("chk-".length()));
    }

    /** Deletes a directory tree (nothing if it is missing). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
