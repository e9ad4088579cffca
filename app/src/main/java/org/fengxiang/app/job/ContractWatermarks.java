package org.fengxiang.app.job;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded-out-of-orderness watermarks over raw records that only count records with a readable
 * {@code publishedAt}. A record without one (it will be dead-lettered) carries its Kafka timestamp as
 * a stand-in; letting it advance the watermark would make every later post of its partition late
 * when older data is replayed (a backfill, a rerun from Kafka).
 */
final class ContractWatermarks implements WatermarkGenerator<RawRecord> {
    private final BoundedOutOfOrdernessWatermarks<RawRecord> bounded;

    ContractWatermarks(Duration outOfOrderness) {
        this.bounded = new BoundedOutOfOrdernessWatermarks<>(outOfOrderness);
    }

    @Override
    public void onEvent(RawRecord record, long eventTimestamp, WatermarkOutput output) {
        if (RawArchive.hasEventTime(record.value)) bounded.onEvent(record, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        bounded.onPeriodicEmit(output);
    }
}
