package org.fengxiang.analytics.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskerTest {
    private final PiiMasker masker = new PiiMasker();

    @Test
    void masksMobilesWithAndWithoutSeparators() {
        assertThat(masker.mask("电话13812345678")).isEqualTo("电话138****5678");
        assertThat(masker.mask("电话 138 1234 5678 找我")).isEqualTo("电话 138 **** 5678 找我");
        assertThat(masker.mask("tel:138-1234-5678")).isEqualTo("tel:138-****-5678");
        assertThat(masker.mask("+86 13812345678")).isEqualTo("+86 138****5678");
        assertThat(masker.mask("订单号 123812345678901")).isEqualTo("订单号 123812345678901");
    }

    @Test
    void masksLandlines() {
        assertThat(masker.mask("座机010-12345678")).isEqualTo("座机010-****5678");
        assertThat(masker.mask("(0571)87654321转")).isEqualTo("(0571)****4321转");
    }

    @Test
    void masksOnlyChecksumValidIdNumbers() {
        assertThat(PiiMasker.isValidId("11010519491231002X")).isTrue();
        assertThat(PiiMasker.isValidId("110105194912310021")).isFalse();
        assertThat(masker.mask("身份证11010519491231002X。")).isEqualTo("身份证110***********002X。");
        assertThat(masker.mask("身份证11010519491231002x")).isEqualTo("身份证110***********002x");
        assertThat(masker.mask("编号110105194912310021")).doesNotContain("110***********0021");
    }

    @Test
    void masksOnlyLuhnValidCards() {
        assertThat(PiiMasker.luhn("4111111111111111")).isTrue();
        assertThat(PiiMasker.luhn("4111111111111112")).isFalse();
        assertThat(masker.mask("卡号4111 1111 1111 1111")).isEqualTo("卡号4111 **** **** 1111");
        assertThat(masker.mask("卡号4111111111111112")).isEqualTo("卡号4111111111111112");
    }

    @Test
    void masksEmails() {
        assertThat(masker.mask("邮箱 zhang.san@example.com.cn 联系")).isEqualTo("邮箱 z***@example.com.cn 联系");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String s = "2024年3月5日，共有1200人参加，票价99元。";
        assertThat(masker.mask(s)).isSameAs(s);
    }

    @Test
    void pseudonymsAreKeyedAndStable() {
        Pseudonymiser a = new Pseudonymiser("0123456789abcdef-key".getBytes());
        Pseudonymiser b = new Pseudonymiser("another-secret-key-123".getBytes());
        assertThat(a.pseudonym("u1")).isEqualTo(a.pseudonym("u1")).startsWith("anon:").hasSize(29);
        assertThat(a.pseudonym("u1")).isNotEqualTo(a.pseudonym("u2")).isNotEqualTo(b.pseudonym("u1"));
        assertThat(a.pseudonym(null)).isNull();
    }
}
