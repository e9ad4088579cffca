package org.fengxiang.app.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fengxiang.core.Alert;
import org.junit.jupiter.api.Test;

class RunDiffTest {
    static Alert alert(String incident, long at, int seq, String level) {
        Alert a = new Alert();
        a.id = "al-" + incident;
        a.incidentId = incident;
        a.detectedAtMillis = at;
        a.sequence = seq;
        a.level = level;
        return a;
    }

    @Test
    void classifiesAppearedVanishedEarlierLaterSame() {
        List<Alert> a = List.of(alert("i1", 100_000, 1, "blue"), alert("i1", 200_000, 2, "orange"),
                alert("i2", 50_000, 1, "yellow"), alert("i3", 70_000, 1, "red"), alert("i5", 10_000, 1, "blue"));
        List<Alert> b = List.of(alert("i1", 40_000, 1, "yellow"), alert("i3", 90_000, 1, "red"),
                alert("i4", 10_000, 1, "blue"), alert("i5", 10_000, 1, "blue"));
        List<RunDiff.Change> d = RunDiff.diff(a, b);
        assertThat(d).extracting(RunDiff.Change::incidentId).containsExactly("i1", "i2", "i3", "i4", "i5");
        assertThat(d).extracting(RunDiff.Change::kind).containsExactly("earlier", "vanished", "later", "appeared", "same");
        assertThat(d.get(0).deltaSeconds()).isEqualTo(-60);
        assertThat(d.get(0).levels(a, b)).isEqualTo("orange→yellow");
    }
}
