package org.fengxiang.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pure parts of the stack: eml numbering, endpoints file, broker settings, log tail, argument parsing. */
class StackPartsTest {
    @TempDir
    Path tmp;

    @Test
    void emlNumberingContinuesFromTheHighestExistingFile() throws Exception {
        assertThat(EmlWriter.highestNumber(tmp)).isZero();
        Files.writeString(tmp.resolve("mail-000007.eml"), "x");
        Files.writeString(tmp.resolve("mail-000012.eml"), "x");
        Files.writeString(tmp.resolve("notes.txt"), "x");
        Files.writeString(tmp.resolve(".mail-000099.eml.tmp"), "x");
        assertThat(EmlWriter.highestNumber(tmp)).isEqualTo(12);
    }

    @Test
    void endpointsFileRoundTripsIncludingAbsentServices() {
        Endpoints e = new Endpoints("127.0.0.1:19092", null, "127.0.0.1", 12525, 12143, tmp.resolve("mail"), tmp);
        EndpointsFile.write(tmp.resolve("endpoints.json"), e);
        assertThat(EndpointsFile.read(tmp.resolve("endpoints.json"))).contains(e);
        assertThat(e.has(Service.KAFKA)).isTrue();
        assertThat(e.has(Service.ELASTICSEARCH)).isFalse();
        assertThat(EndpointsFile.read(tmp.resolve("missing.json"))).isEmpty();
    }

    @Test
    void brokerIsSingleNodeWithoutTopicAutoCreation() {
        Properties p = KafkaMain.brokerProperties(tmp, 19092, 19093);
        assertThat(p.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
    }

    @Test
    void logTailKeepsTheLastLines() throws Exception {
        Path log = tmp.resolve("x.log");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 100; i++) b.append("line ").append(i).append('\n');
        Files.writeString(log, b);
        assertThat(LogTail.of(log, 3)).isEqualTo("line 98\nline 99\nline 100");
        assertThat(LogTail.of(tmp.resolve("none.log"), 3)).startsWith("(no log");
    }

    @Test
    void childArgumentsAreKeyValuePairs() {
        assertThat(ChildSupport.parseArgs(new String[] {"a=1", "b=x=y"})).containsEntry("a", "1").containsEntry("b", "x=y");
        assertThatThrownBy(() -> ChildSupport.parseArgs(new String[] {"oops"})).hasMessageContaining("key=value");
        assertThatThrownBy(() -> Service.of("redis")).hasMessageContaining("redis");
        assertThat(Service.of(" Kafka ")).isEqualTo(Service.KAFKA);
    }
}
