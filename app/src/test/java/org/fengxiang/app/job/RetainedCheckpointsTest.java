package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the checkpoint {@code run --resume} restores, and pruning older jobs' checkpoints. */
class RetainedCheckpointsTest {
    @TempDir Path tmp;

    @Test
    void latestCompletedCheckpointOfAnyJobIsChosen() throws Exception {
        assertThat(RetainedCheckpoints.latest(tmp.resolve("none"))).isEmpty();
        Path old = checkpoint("job-a", 7, 1_000);
        Path newest = checkpoint("job-b", 2, 5_000);
        checkpoint("job-a", 8, 3_000);
        Files.createDirectories(tmp.resolve("job-b/chk-3")); // interrupted by a crash: no _metadata
        Files.createDirectories(tmp.resolve("job-b/shared"));
        assertThat(RetainedCheckpoints.latest(tmp)).contains(newest);

        RetainedCheckpoints.pruneExcept(tmp, newest);
        assertThat(old.getParent()).doesNotExist();
        assertThat(newest.resolve("_metadata")).exists();
        assertThat(RetainedCheckpoints.latest(tmp)).contains(newest);
    }

    private Path checkpoint(String job, int n, long mtime) throws Exception {
        Path chk = Files.createDirectories(tmp.resolve(job).resolve("chk-" + n));
        Files.writeString(chk.resolve("_metadata"), "x");
        Files.setLastModifiedTime(chk.resolve("_metadata"), FileTime.fromMillis(mtime));
        return chk;
    }
}
