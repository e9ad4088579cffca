package org.fengxiang.analytics.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.fengxiang.analytics.text.TextAnalyzer;
import org.fengxiang.core.Sentiment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped default model with the shipped lexicon. */
class SentimentAnalyzerTest {
    private static TextAnalyzer text;
    private static SentimentAnalyzer analyzer;
    private static LinearModel model;
    private static SentimentLexicon lexicon;

    @BeforeAll
    static void load() {
        text = TextAnalyzer.createDefault();
        model = SentimentAnalyzer.loadModel("config/models/sentiment.model");
        lexicon = SentimentLexicon.load("config/lexicon/sentiment.txt");
        analyzer = new SentimentAnalyzer(model, lexicon, SentimentAnalyzer.Params.defaults(), text.segmenter()::isStopWord);
    }

    private static Sentiment of(String s) {
        return analyzer.analyze(text.analyze(s));
    }

    @ParameterizedTest
    @CsvSource({
        "酒店服务热情，房间干净，非常满意, positive",
        "送餐太慢了，饭菜都凉了，差评, negative",
        "这家店一点都不好吃，不推荐, negative",
        "本来很期待，但是实际体验太失望了, negative",
        "排队很久，但是味道真的值得, positive",
        "又加班到十二点[泪][泪], negative",
        "终于放假啦[哈哈]🎉, positive",
        "难道这就是所谓的五星级服务吗？, negative",
        "明天上午九点召开新闻发布会。, neutral",
        "转发微博, neutral",
    })
    void clearCases(String input, String label) {
        Sentiment s = of(input);
        assertThat(s.label).as(input + " -> " + s).isEqualTo(label);
        assertThat(s.score).isBetween(-1.0, 1.0);
    }

    @Test
    void emoticonsAloneCarrySentiment() {
        assertThat(of("[怒][怒]").label).isEqualTo(Sentiment.NEGATIVE);
        assertThat(of("").label).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void handMadeWeiboSetIsMostlyRight() throws URISyntaxException, java.io.IOException {
        Path file = Path.of(getClass().getResource("/sentiment/weibo-handmade.csv").toURI());
        SentimentEval.Result r = SentimentEval.evaluate("weibo", LabelledCorpus.read(file), text, model, lexicon,
                SentimentAnalyzer.Params.defaults());
        assertThat(r.n()).isGreaterThanOrEqualTo(40);
        assertThat(r.accuracy()).isGreaterThan(0.85);
    }
}
