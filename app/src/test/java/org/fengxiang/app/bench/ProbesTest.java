package org.fengxiang.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbesTest {
    @Test
    void pendingProbesComeOldestFirstAndLatencyIsFoundMinusAcked() {
        Probes p = new Probes();
        p.acked("c", "s1", 3000);
        p.acked("a", "s1", 1000);
        p.acked("b", "s2", 2000);
        assertThat(p.pending(2)).containsExactly("a", "b");
        p.found(List.of("a", "x"), 1500);
        assertThat(p.pending(5)).containsExactly("b", "c");
        assertThat(p.latency("s1").count()).isEqualTo(1);
        assertThat(p.latency("s1").max()).isEqualTo(500);
        assertThat(p.missing("s1")).isEqualTo(1);
        assertThat(p.pendingCount()).isEqualTo(2);
    }
}
