package org.fengxiang.alerting.es;

import static org.assertj.core.api.Assertions.assertThat;

import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;
import org.junit.jupiter.api.Test;

/** The latest-state document: a thread is open until it is closed; an early warning is a notice, never open. */
class AlertMapperTest {
    private final AlertMapper latest = AlertMapper.latest(EsIndices.of(new EsSettings()));

    @Test
    void openFlagFollowsTheThreadAndEarlyWarningsAreNeverOpen() {
        assertThat(open("alert-inc-1-202605010901", "open", 1)).isTrue();
        assertThat(open("alert-inc-1-202605010901", "escalated", 2)).isTrue();
        assertThat(open("alert-inc-1-202605010901", "closed", 3)).isFalse();
        assertThat(open("early-inc-1-202605010901", "early", 1)).isFalse();
    }

    @Test
    void documentIdsKeepEarlyWarningsApartFromTheConfirmedThread() {
        assertThat(latest.id(alert("early-inc-1-202605010901", "early", 1))).isEqualTo("early-inc-1-202605010901");
        assertThat(AlertMapper.transitionId(alert("early-inc-1-202605010901", "early", 1))).isEqualTo("early-inc-1-202605010901#1");
        assertThat(latest.version(alert("early-inc-1-202605010901", "early", 1))).isEqualTo(2);
    }

    private boolean open(String id, String status, int sequence) {
        return Json.tree(latest.source(alert(id, status, sequence))).get("open").asBoolean();
    }

    private static Alert alert(String id, String status, int sequence) {
        Alert a = new Alert();
        a.id = id;
        a.incidentId = "inc-1";
        a.level = Alert.ORANGE;
        a.status = status;
        a.sequence = sequence;
        a.detectedAtMillis = 1_777_600_000_000L;
        return a;
    }
}
