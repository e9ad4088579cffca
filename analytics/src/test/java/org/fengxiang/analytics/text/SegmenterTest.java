package org.fengxiang.analytics.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmenterTest {
    private static Segmenter segmenter;
    private static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.load(TextAnalyzer.DEFAULT_REGIONS);
        segmenter = Segmenter.create(List.of("lexicon/test-user.txt", TextAnalyzer.DEFAULT_USER_DICTIONARY), gazetteer,
                TextAnalyzer.DEFAULT_STOP_WORDS, false, false);
    }

    @Test
    void userDictionaryWordIsOneToken() {
        List<String> words = segmenter.segment("我们发布了风向舆情宝新版本").stream().map(Token::word).toList();
        assertThat(words).contains("风向舆情宝");
    }

    @Test
    void keywordsArePosFilteredWithoutStopWordsAndDeterministic() {
        KeywordExtractor k = new KeywordExtractor(segmenter, List.of("n", "vn", "v", "gi", "a"), 5);
        List<Token> tokens = segmenter.segment("暴雨导致地铁停运，暴雨还造成道路积水，市民出行受到影响，地铁公司发布通知。");
        List<String> keywords = k.keywords(tokens);
        assertThat(keywords).hasSizeLessThanOrEqualTo(5).contains("暴雨", "地铁").doesNotContain("发布", "，", "了");
        assertThat(k.keywords(tokens)).isEqualTo(keywords);
    }

    @Test
    void placesMapToProvinces() {
        List<Token> tokens = segmenter.segment("杭州西湖区今天下雨，宁波也下雨了");
        List<String> places = tokens.stream().filter(Token::isPlace).map(Token::word).toList();
        assertThat(places).contains("杭州", "宁波");
        assertThat(gazetteer.region(places, null)).isEqualTo("浙江");
        assertThat(gazetteer.region(List.of(), "广东 深圳")).isEqualTo("广东");
        assertThat(gazetteer.region(List.of("成都市"), "北京")).isEqualTo("四川");
        assertThat(gazetteer.region(List.of("火星"), "其他")).isNull();
    }
}
