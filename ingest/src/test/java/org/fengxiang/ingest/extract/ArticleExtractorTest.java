package org.fengxiang.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fengxiang.ingest.crawl.Charsets;
import org.fengxiang.ingest.fixture.FixtureSiteServer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleExtractorTest {
    final ArticleExtractor ex = new ArticleExtractor();

    static String fixture(String path) throws Exception {
        return Charsets.decode(FixtureSiteServer.resource(path), null).text();
    }

    @Test
    void extractsAFixtureNewsPageWithoutSelectors() throws Exception {
        Article a = ex.extract(fixture("/news/2026/03/1009.html"), "http://x/news/2026/03/1009.html");
        assertThat(a.title()).isEqualTo("恒达化工厂回应排污质疑：已停产配合调查");
        assertThat(a.publishedAt()).isEqualTo("2026-03-14T15:20+08:00");
        assertThat(a.author()).isEqualTo("林涛");
        assertThat(a.text()).startsWith("针对网友关于清水河污染的质疑").endsWith("属地街道已安排工作人员到现场做解释工作。")
                .doesNotContain("分享到微博").doesNotContain("相关新闻").doesNotContain("版权所有").doesNotContain("责任编辑");
        assertThat(a.text().split("\n")).hasSize(3);
    }

    @Test
    void extractsTheGbkPageFromBytes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.html");
        Files.write(f, FixtureSiteServer.resource("/news/2026/03/1008.html"));
        Article a = Extraction.fromFile(f, null, null);
        assertThat(a.title()).isEqualTo("清水河下游出现大面积死鱼 环保部门已介入调查");
        assertThat(a.text()).contains("约两公里河段的河水呈红褐色");
        assertThat(Extraction.toJson(a)).contains("\"publishedAt\":\"2026-03-14T10:40+08:00\"");
    }

    @Test
    void readsMetaTagsAndSkipsBoilerplate() throws Exception {
        String html = Files.readString(Path.of("src/test/resources/extract/english.html"), StandardCharsets.UTF_8);
        Article a = ex.extract(html, "https://courier.example/news/river");
        assertThat(a.title()).isEqualTo("River turns red near chemical plant");
        assertThat(a.author()).isEqualTo("Dana Whitfield");
        assertThat(a.publishedAt()).isEqualTo("2026-03-14T11:05+08:00");
        assertThat(a.text().split("\n")).containsExactly(
                "Residents living along the lower reaches of the river woke on Saturday to find the water stained a deep reddish brown, with dead fish lining both banks for nearly two kilometres.",
                "Several families said their children had been coughing for days, and that a sharp chemical smell had hung over the neighbourhood since Friday evening.",
                "The district environment office said inspectors had taken water samples at six points and would publish the results as soon as the laboratory had finished its analysis.",
                "A spokesperson for the plant upstream said the company was cooperating with the investigation and had suspended production as a precaution.");
    }

    @Test
    void perSiteOverridesFixWhatTheHeuristicsGetWrong() throws Exception {
        String html = Files.readString(Path.of("src/test/resources/extract/override.html"), StandardCharsets.UTF_8);
        Article generic = ex.extract(html, null);
        assertThat(generic.text()).contains("施工质量");
        Article bySelector = ex.extract(Jsoup.parse(html), new ExtractionRules(".story", List.of()), null);
        assertThat(bySelector.text()).isEqualTo("清水桥今晚二十二时起封闭施工，预计明早六时恢复通行。");
        Article byNoise = ex.extract(Jsoup.parse(html), new ExtractionRules(null, List.of(".discussion")), null);
        assertThat(byNoise.text()).isEqualTo("清水桥今晚二十二时起封闭施工，预计明早六时恢复通行。");
    }

    @Test
    void keepsABodyHiddenUntilScriptsRevealItButDropsOtherHiddenBlocks() {
        String para = "<p>" + "临江市今天发布通知，清水河沿岸的自来水厂已经切换备用水源，居民可以放心用水。".repeat(3) + "</p>";
        String html = "<html><head><title>通知</title></head><body><h1>通知</h1>"
                + "<div style=\"display: none\"><p>这是一段隐藏的推广文字，不应该出现在正文里，请忽略它，谢谢合作。</p></div>"
                + "<div id=\"js_content\" style=\"visibility: hidden;\">" + para + para + "</div></body></html>";
        Article a = ex.extract(html, null);
        assertThat(a.text()).contains("切换备用水源").doesNotContain("推广文字");
    }

    @Test
    void fallsBackToJsonLdWhenTheBodyIsRenderedByScript() {
        String html = "<html><head><title>快讯</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"articleBody\":\"第一段：清水河水质检测结果已经公布。\\n第二段：相关企业已被责令停产整改。\"}</script></head>"
                + "<body><div id=\"app\"></div></body></html>";
        assertThat(ex.extract(html, null).text()).isEqualTo("第一段：清水河水质检测结果已经公布。\n第二段：相关企业已被责令停产整改。");
    }

    @Test
    void resolvesRelativeDatesOnlyWithACrawlTime() {
        String html = "<html><head><title>快讯</title></head><body><h1>快讯</h1><span class=\"time\">3小时前</span>"
                + "<div class=\"content\"><p>" + "河东区今天下午举行防汛演练，多个部门参加，演练持续了两个小时。".repeat(4) + "</p></div></body></html>";
        assertThat(ex.extract(html, null).publishedAt()).isNull();
        java.time.ZonedDateTime now = java.time.ZonedDateTime.of(2026, 3, 14, 18, 0, 0, 0, org.fengxiang.ingest.ChineseDates.SHANGHAI);
        assertThat(ex.extract(Jsoup.parse(html), ExtractionRules.NONE, now).publishedAt()).isEqualTo("2026-03-14T15:00+08:00");
    }

    @Test
    void shinglesFollowTheScrapinghubDefinition() {
        Shingles.TpFpFn same = Shingles.tokenShingles("a b c d e", "a b c d e");
        assertThat(same.tp()).isEqualTo(1.0);
        Shingles.TpFpFn none = Shingles.tokenShingles("a b c d e", "");
        assertThat(Shingles.aggregate(List.of(same, none)).recall()).isEqualTo(0.5);
        assertThat(Shingles.charShingles("清水河 污染", "清水河污染").f1()).isEqualTo(1.0);
    }
}
