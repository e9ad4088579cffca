package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class EventTimeOrderOperatorTest {
    private static OneInputStreamOperatorTestHarness<String, String> harness(int parallelism, int subtask,
                                                                            OperatorSubtaskState restore) throws Exception {
        OneInputStreamOperatorTestHarness<String, String> h = new OneInputStreamOperatorTestHarness<>(
                new EventTimeOrderOperator<>(Types.STRING), 128, parallelism, subtask);
        h.setup();
        if (restore != null) h.initializeState(restore);
        h.open();
        return h;
    }

    /** Values and watermarks as they left the operator, in order ("value@time" and "W@time"). */
    private static List<String> emitted(OneInputStreamOperatorTestHarness<String, String> h) {
        List<String> out = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof StreamRecord<?> r) out.add(r.getValue() + "@" + r.getTimestamp());
            else if (o instanceof Watermark w) out.add("W@" + w.getTimestamp());
        }
        h.getOutput().clear();
        return out;
    }

    @Test
    void releasesInEventTimeOrderJustBeforeTheWatermark() throws Exception {
        try (var h = harness(1, 0, null)) {
            h.processElement("c", 30);
            h.processElement("a", 10);
            h.processElement("b1", 20);
            h.processElement("d", 40);
            h.processElement("b2", 20);
            assertThat(emitted(h)).isEmpty();
            h.processWatermark(25);
            assertThat(emitted(h)).containsExactly("a@10", "b1@20", "b2@20", "W@25");
            h.processWatermark(40);
            assertThat(emitted(h)).containsExactly("c@30", "d@40", "W@40");
        }
    }

    @Test
    void passesLateElementsAtOnce() throws Exception {
        try (var h = harness(1, 0, null)) {
            h.processWatermark(100);
            h.processElement("late", 90);
            h.processElement("equal", 100);
            h.processElement("early", 150);
            assertThat(emitted(h)).containsExactly("W@100", "late@90", "equal@100");
        }
    }

    @Test
    void restoresWhatWasHeldOnAnyParallelism() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(1, 0, null)) {
            for (int i = 0; i < 20; i++) h.processElement("e" + i, 1000 - i);
            h.processWatermark(990); // releases e19..e10 (times 981..990); e9..e0 stay held
            List<String> released = emitted(h);
            assertThat(released).hasSize(10 + 1);
            snapshot = h.snapshot(1, 1);
            // released elements are no longer held and are not in a later snapshot
            h.processWatermark(2000);
            emitted(h);
            OperatorSubtaskState empty = h.snapshot(2, 2);
            try (var again = harness(1, 0, empty)) {
                again.processWatermark(Long.MAX_VALUE);
                assertThat(emitted(again)).containsExactly("W@" + Long.MAX_VALUE);
            }
        }

        try (var same = harness(1, 0, snapshot)) {
            same.processWatermark(1000);
            assertThat(emitted(same)).containsExactly("e9@991", "e8@992", "e7@993", "e6@994",
                    "e5@995", "e4@996", "e3@997", "e2@998", "e1@999", "e0@1000", "W@1000");
        }

        List<String> acrossTwo = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            OperatorSubtaskState part = AbstractStreamOperatorTestHarness.repartitionOperatorState(snapshot, 128, 1, 2, subtask);
            try (var h = harness(2, subtask, part)) {
                h.processWatermark(Long.MAX_VALUE);
                List<String> out = emitted(h);
                assertThat(out).last().isEqualTo("W@" + Long.MAX_VALUE);
                assertThat(out.size()).as("each instance gets part of the held elements").isBetween(2, 10);
                acrossTwo.addAll(out.subList(0, out.size() - 1));
            }
        }
        assertThat(acrossTwo).containsExactlyInAnyOrder("e9@991", "e8@992", "e7@993", "e6@994", "e5@995", "e4@996",
                "e3@997", "e2@998", "e1@999", "e0@1000");
    }
}
