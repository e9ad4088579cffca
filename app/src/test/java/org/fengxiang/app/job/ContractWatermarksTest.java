package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/** Records without a readable publishedAt (dead letters to be) never move the watermark. */
class ContractWatermarksTest {
    @Test
    void onlyRecordsWithAPublishedAtAdvanceTheWatermark() {
        ContractWatermarks w = new ContractWatermarks(Duration.ofSeconds(60));
        Last out = new Last();
        String at = "2026-03-05T09:00:00+08:00";
        long t = OffsetDateTime.parse(at).toInstant().toEpochMilli();
        w.onEvent(record("{\"id\":\"a\",\"publishedAt\":\"" + at + "\"}"), t, out);
        long now = t + 86_400_000L * 200; // the Kafka timestamp a broken record falls back to
        w.onEvent(record("{broken json"), now, out);
        w.onEvent(record("{\"id\":\"b\",\"publishedAt\":\"yesterday\"}"), now, out);
        w.onPeriodicEmit(out);
        assertThat(out.last).isEqualTo(t - 60_000 - 1);
    }

    private static RawRecord record(String value) {
        RawRecord r = new RawRecord();
        r.value = value;
        return r;
    }

    private static final class Last implements WatermarkOutput {
        long last = Long.MIN_VALUE;

        @Override public void emitWatermark(Watermark watermark) { last = watermark.getTimestamp(); }
        @Override public void markIdle() {}
        @Override public void markActive() {}
    }
}
