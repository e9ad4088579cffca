package org.fengxiang.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T00:15:34.891570+08:00", "2026-11-27T17:08:42Z", "2026-11-27T17:08:42.1Z",
            "2026-11-27T17:08:42.123456789-05:30", "2024-02-29T23:59:59+18:00", "0001-01-01T00:00:00-18:00",
            "2026-11-27T17:08:42-00:00", "2026-11-27T17:08+08:00", "2026-11-27T17:08:42+08:00:30",
            "+12026-11-27T17:08:42Z", "2026-11-27T17:08:42.000000000Z", "2026-11-27T17:08:42.Z", "2026-11-27t17:08:42z"})
    void agreesWithTheJdkOnValidValues(String text) {
        assertThat(IsoTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text));
        assertThat(IsoTimes.epochMillis(text)).isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-27T24:00:00Z",
            "2026-11-27T17:60:00Z", "2026-11-27T17:08:60Z", "2026-11-27T17:08:42+0800", "2026-11-27T17:08:42.1234567891Z",
            "2026-11-27T17:08:42+19:00", "2026-11-27T17:08:42+08:60", "2026-11-27T17:08:42", "2026-11-27 17:08:42Z",
            "２０２６-11-27T17:08:42Z", "2026-11-27T17:08:42+8:00", "", "yesterday"})
    void rejectsWhatTheJdkRejects(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoTimes.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void theFastPathTakesTheCommonShapes() {
        assertThat(IsoTimes.fast("2026-03-02T00:15:34.891570+08:00")).isNotNull();
        assertThat(IsoTimes.fast("2026-11-27T17:08:42Z")).isNotNull();
        assertThat(IsoTimes.fast("2026-11-27T17:08+08:00")).isNull();
    }

    @Test
    void randomMutationsOfValidValuesAgreeWithTheJdk() {
        SplittableRandom rnd = new SplittableRandom(42);
        String alphabet = "0123456789-+:.TZz ";
        for (int k = 0; k < 200_000; k++) {
            long seconds = rnd.nextLong(-62_000_000_000L, 253_000_000_000L);
            int offsetMinutes = rnd.nextInt(-18 * 60, 18 * 60 + 1);
            StringBuilder s = new StringBuilder(java.time.Instant.ofEpochSecond(seconds, rnd.nextInt(1_000_000_000))
                    .atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString());
            int edits = rnd.nextInt(3);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = rnd.nextInt(s.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> s.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 1 -> s.deleteCharAt(at);
                    default -> s.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            String text = s.toString();
            OffsetDateTime expected;
            try {
                expected = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> IsoTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(IsoTimes.parse(text)).as(text).isEqualTo(expected);
        }
    }
}
