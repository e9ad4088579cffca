package org.fengxiang.analytics.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fengxiang.analytics.text.AnalyzedText;
import org.fengxiang.analytics.text.TextAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentimentLexiconTest {
    private static TextAnalyzer text;
    private static SentimentLexicon lexicon;

    @BeforeAll
    static void load() {
        text = TextAnalyzer.createDefault();
        lexicon = SentimentLexicon.load("config/lexicon/sentiment.txt");
    }

    private static double score(String s) {
        AnalyzedText a = text.analyze(s);
        return lexicon.score(a.tokens(), a.normalised().emoticons()).score();
    }

    @Test
    void polarWordsAndDegree() {
        assertThat(score("服务很满意")).isPositive();
        assertThat(score("服务非常满意")).isGreaterThan(score("服务有点满意"));
        assertThat(score("质量糟糕")).isNegative();
        assertThat(score("今天开会")).isZero();
    }

    @Test
    void degreeOrPolarWordDependsOnItsNeighbour() {
        assertThat(score("这家店好")).isPositive();
        assertThat(score("送得好慢")).isNegative();
    }

    @Test
    void negationFlips() {
        assertThat(score("我满意")).isPositive();
        assertThat(score("我不满意")).isNegative();
        assertThat(score("一点也不失望")).isPositive();
    }

    @Test
    void adversativeWeighsTheSecondClause() {
        assertThat(score("环境漂亮，但是服务糟糕")).isNegative();
        assertThat(score("服务糟糕，不过环境漂亮")).isPositive();
    }

    @Test
    void rhetoricalQuestionFlipsOrCountsNegative() {
        assertThat(score("难道这就是五星级酒店吗？")).isNegative();
        assertThat(score("这就是五星级酒店。")).isZero();
    }

    @Test
    void emoticonsAndEmojiCount() {
        assertThat(score("下班了[泪]")).isNegative();
        assertThat(score("下班了[哈哈]")).isPositive();
        assertThat(score("下班了😡")).isNegative();
        assertThat(lexicon.score(List.of(), List.of("[赞]")).hits()).isEqualTo(1);
    }
}
