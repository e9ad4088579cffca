package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlyCopyFunctionTest {
    @Test
    void earlyCopiesAreShedOnlyForPostsThatReachedTheJobLate() {
        long now = 1_800_000_000_000L;
        assertThat(EarlyCopyFunction.behind(now - 1_000, now, 5_000)).as("1 s behind").isFalse();
        assertThat(EarlyCopyFunction.behind(now - 5_000, now, 5_000)).as("exactly the bound").isFalse();
        assertThat(EarlyCopyFunction.behind(now - 5_001, now, 5_000)).as("past the bound").isTrue();
        assertThat(EarlyCopyFunction.behind(0, now, 5_000)).as("unknown ingestion time (files)").isFalse();
        assertThat(EarlyCopyFunction.behind(now - 3_600_000, now, 0)).as("shedding off").isFalse();
    }
}
