package org.fengxiang.alerting.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckStoreAndSecretTest {
    @TempDir Path tmp;
    final Instant t0 = Instant.parse("2026-11-20T06:00:00Z");

    @Test
    void acknowledgementsSurviveARestartAndCoverEarlierTransitionsOnly() throws Exception {
        Path f = tmp.resolve("acks.jsonl");
        try (FileAckStore s = new FileAckStore(f)) {
            Acknowledgement a = s.acknowledge("a1", 2, "王值班", t0);
            assertThat(a.acknowledgedBy).isEqualTo("王值班");
            // idempotent: the same or an earlier transition changes nothing
            assertThat(s.acknowledge("a1", 2, "someone else", t0.plusSeconds(60)).acknowledgedBy).isEqualTo("王值班");
            assertThat(s.acknowledge("a1", 1, "someone else", t0.plusSeconds(60)).acknowledgedAt).isEqualTo(t0.toString());
        }
        assertThat(Files.readAllLines(f)).hasSize(1);
        try (FileAckStore s = new FileAckStore(f)) {
            assertThat(s.covering("a1", 1)).isPresent();
            assertThat(s.covering("a1", 2)).isPresent();
            assertThat(s.covering("a1", 3)).isEmpty();
            assertThat(s.covering("a2", 1)).isEmpty();
            s.acknowledge("a1", 3, "李", t0.plusSeconds(120));
            assertThat(s.covering("a1", 3)).hasValueSatisfying(a -> assertThat(a.acknowledgedBy).isEqualTo("李"));
        }
    }

    @Test
    void anotherProcessesAcknowledgementsAreSeenOnLookupAndATornLineIsWaitedFor() throws Exception {
        Path f = tmp.resolve("acks.jsonl");
        try (FileAckStore reader = new FileAckStore(f)) {
            assertThat(reader.covering("a9", 1)).isEmpty();
            Files.writeString(f, "{\"alertId\":\"a9\",\"sequence\":1,\"acknowledgedAt\":\"" + t0 + "\",\"acknowledgedBy\":\"x\"}\n{\"alertId\":\"a8\",",
                    java.nio.file.StandardOpenOption.APPEND);
            assertThat(reader.covering("a9", 1)).isPresent();
            assertThat(reader.covering("a8", 1)).isEmpty();
            Files.writeString(f, "\"sequence\":1,\"acknowledgedAt\":\"" + t0 + "\",\"acknowledgedBy\":\"y\"}\n",
                    java.nio.file.StandardOpenOption.APPEND);
            assertThat(reader.covering("a8", 1)).isPresent();
        }
    }

    @Test
    void theSecretComesFromTheEnvironmentElseAGeneratedFileThatIsKept() throws Exception {
        AckSettings s = new AckSettings();
        s.secretFile = tmp.resolve("ack/secret").toString();
        assertThat(AckSecret.resolve(s, Map.of("FENGXIANG_ACK_SECRET", "an-operator-chosen-secret-value")))
                .isEqualTo("an-operator-chosen-secret-value".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Path.of(s.secretFile)).doesNotExist();
        byte[] generated = AckSecret.resolve(s, Map.of());
        assertThat(generated).hasSize(32);
        assertThat(AckSecret.resolve(s, Map.of())).isEqualTo(generated);
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(s.secretFile))))
                    .isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> AckSecret.resolve(s, Map.of("FENGXIANG_ACK_SECRET", "short")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
