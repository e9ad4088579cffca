package org.fengxiang.analytics.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fengxiang.analytics.text.TextAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimHashTest {
    private static TextAnalyzer text;

    @BeforeAll
    static void load() {
        text = TextAnalyzer.createDefault();
    }

    private static long hash(String s) {
        return SimHash.of(text.analyze(s).tokens(), 4, text.segmenter()::isStopWord);
    }

    @Test
    void nearDuplicatesAreCloseAndUnrelatedTextsFar() {
        String a = "市区主干道发生一起交通事故，两车相撞，造成三人受伤，交警已到现场处置，请过往车辆绕行。";
        String oneWord = "市区主干道发生一起交通事故，两车相撞，造成四人受伤，交警已到现场处置，请过往车辆绕行。[泪]";
        String repost = "转发：市区主干道发生一起交通事故，两车相撞，造成三人受伤，交警已到现场处置，请过往车辆绕行 http://t.cn/x";
        String other = "新款手机发布会在北京举行，售价三千九百九十九元起，续航和拍照都有提升，网友评价褒贬不一。";
        assertThat(SimHash.distance(hash(a), hash(oneWord))).isLessThanOrEqualTo(3);
        assertThat(SimHash.distance(hash(a), hash(repost))).isLessThanOrEqualTo(3);
        assertThat(SimHash.distance(hash(a), hash(other))).isGreaterThan(10);
        assertThat(hash("太短了")).isZero();
    }

    @Test
    void bandKeysShareABandWithinDistanceThree() {
        long h = 0x0123456789abcdefL;
        long near = h ^ (1L << 3) ^ (1L << 20) ^ (1L << 40);
        int[] a = SimHash.bandKeys(h);
        int[] b = SimHash.bandKeys(near);
        int shared = 0;
        for (int i = 0; i < 4; i++) if (a[i] == b[i]) shared++;
        assertThat(shared).isEqualTo(1);
        assertThat(a[0] >>> 16).isZero();
        assertThat(a[3] >>> 16).isEqualTo(3);
    }

    @Test
    void indexFindsEarliestWithinTtl() {
        NearDuplicateIndex index = new NearDuplicateIndex(3, 1000);
        long h = 0x0F0F0F0F0F0F0F0FL;
        assertThat(index.observe("p1", h, 100)).isNull();
        assertThat(index.observe("p2", h ^ 0b111, 200)).isEqualTo("p1");
        assertThat(index.observe("p3", h ^ (1L << 63), 300)).isEqualTo("p1");
        assertThat(index.observe("p4", ~h, 300)).isNull();
        assertThat(index.observe("p5", h ^ 0b1111, 400)).isEqualTo("p2");
        assertThat(index.observe("p6", h, 1150)).isEqualTo("p2");
        index.expire(2000);
        assertThat(index.size()).isEqualTo(4);
        index.expire(2200);
        assertThat(index.size()).isZero();
        assertThat(index.observe("p7", h, 2300)).isNull();
        assertThat(index.observe("zero", 0L, 2100)).isNull();
        assertThatThrownBy(() -> new NearDuplicateIndex(4, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textHashIgnoresPunctuationCaseAndSpace() {
        assertThat(TextHash.of("Hello, 世界！")).isEqualTo(TextHash.of("hello 世界")).hasSize(32);
        assertThat(TextHash.of("hello 世界")).isNotEqualTo(TextHash.of("hello 世"));
        assertThat(TextHash.of(" ,。 ")).isNull();
        assertThat(SimHash.distance(0L, -1L)).isEqualTo(64);
        assertThat(List.of(SimHash.hash64("a"))).doesNotContain(SimHash.hash64("b"));
    }
}
