package org.fengxiang.analytics.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliserTest {
    private final Normaliser normaliser = new Normaliser(true);

    @Test
    void stripsMarkupAndDecodesEntities() {
        assertThat(normaliser.clean("<p>价格&lt;100&amp;包邮</p><script>var x=1;</script><br/>好&#x4E2D;&#22269;"))
                .isEqualTo("价格<100&包邮 好中国");
    }

    @Test
    void convertsTraditionalWidthAndInvisibleCharacters() {
        assertThat(normaliser.clean("這個國家\u200b很好\u200c！ＡＢＣ１２３\u3000\u0007end\ufeff"))
                .isEqualTo("这个国家很好!ABC123 end");
        assertThat(new Normaliser(false).clean("國家")).isEqualTo("國家");
    }

    @Test
    void extractsHashtagsMentionsUrlsAndEmoticons() {
        NormalisedText n = normaliser.normalise("#话题测试# 回复@张三_01: 看这里 https://t.cn/A6x?a=1. [泪][哈哈]😂👍🏻 好的");
        assertThat(n.hashtags()).containsExactly("话题测试");
        assertThat(n.mentions()).containsExactly("张三_01");
        assertThat(n.urls()).containsExactly("https://t.cn/A6x?a=1");
        assertThat(n.emoticons()).containsExactly("[泪]", "[哈哈]", "😂", "👍");
        assertThat(n.text()).contains("[泪]").contains("😂").contains("@张三_01");
        assertThat(n.analysisText()).doesNotContain("http", "[泪]", "张三", "😂", "#").contains("话题测试").contains("好的");
    }

    @Test
    void fullWidthMarkersAndTraditionalTagsAreNormalisedFirst() {
        NormalisedText n = normaliser.normalise("＃颱風來了＃ ［淚］ ＠小明");
        assertThat(n.hashtags()).containsExactly("台风来了");
        assertThat(n.emoticons()).containsExactly("[泪]");
        assertThat(n.mentions()).containsExactly("小明");
    }

    @Test
    void emailIsNotAMention() {
        NormalisedText n = normaliser.normalise("联系 abc@example.com 或 @李四");
        assertThat(n.mentions()).containsExactly("李四");
    }

    @Test
    void emptyAndNullAreEmpty() {
        assertThat(normaliser.normalise(null)).isEqualTo(NormalisedText.EMPTY);
        assertThat(normaliser.normalise("   ")).isEqualTo(NormalisedText.EMPTY);
    }
}
