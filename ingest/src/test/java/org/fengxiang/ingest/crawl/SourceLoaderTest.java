package org.fengxiang.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceLoaderTest {
    static final Map<String, String> VARS = Map.of("baseUrl", "http://example.com");

    static List<SourceConfig> parse(String yaml) {
        return SourceLoader.parse(yaml, "test.yaml", VARS);
    }

    @Test
    void loadsTheDemoSources() {
        List<SourceConfig> s = SourceLoader.load(Path.of("src/test/resources/sources"), VARS);
        assertThat(s).extracting(c -> c.name).containsExactly("linjiang-news", "linjiang-weibo", "linjiang-forum", "linjiang-blog");
        assertThat(s.get(0).start).containsExactly("http://example.com/news/index.html");
        assertThat(s.get(1).channel).isEqualTo("microblog");
    }

    @Test
    void demoSourcesAreDisabledAndPlaceholdersHaveDefaults() {
        List<SourceConfig> all = SourceLoader.load(Path.of("src/test/resources/sources"), Map.of());
        assertThat(all.get(0).start).containsExactly("http://127.0.0.1:8088/news/index.html");
        assertThat(SourceLoader.select(all, null)).isEmpty();
        assertThat(SourceLoader.select(all, "linjiang-weibo")).extracting(s -> s.name).containsExactly("linjiang-weibo");
        assertThatThrownBy(() -> SourceLoader.select(all, "nope")).hasMessageContaining("no source named 'nope'");
    }

    @Test
    void reportsClearErrors() {
        assertThatThrownBy(() -> parse("sources:\n  - name: a\n    type: rss\n    start: ['${nope}/x']\n"))
                .hasMessageContaining("placeholder ${nope}");
        assertThatThrownBy(() -> parse("sources:\n  - name: Bad Name\n    type: rss\n    start: ['http://x']\n"))
                .hasMessageContaining("name must match");
        assertThatThrownBy(() -> parse("sources:\n  - name: a\n    type: ftp\n    start: ['http://x']\n"))
                .hasMessageContaining("type must be one of");
        assertThatThrownBy(() -> parse("sources:\n  - name: a\n    type: html-list\n    start: ['http://x']\n"))
                .hasMessageContaining("'a': list.items is required");
        assertThatThrownBy(() -> parse("sources:\n  - name: a\n    type: html-list\n    start: ['http://x']\n    list: {items: 'a[[['}\n"))
                .hasMessageContaining("list.items 'a[[[' is not a valid CSS selector");
        assertThatThrownBy(() -> parse("sources:\n  - name: a\n    type: rss\n    start: ['ftp://x']\n"))
                .hasMessageContaining("not an absolute http(s) URL");
        assertThatThrownBy(() -> parse("sources:\n  - name: a\n    type: rss\n    start: ['http://x']\n    zone: Mars/Olympus\n"))
                .hasMessageContaining("zone 'Mars/Olympus'");
        assertThatThrownBy(() -> parse("sources:\n  - name: a\n    type: rss\n    start: ['http://x']\n    colour: red\n"))
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> parse("sources:\n  - name: a\n    type: microblog\n    start: ['http://x']\n    posts: {item: div, text: p, time: t, metrics: {shares: x}}\n"))
                .hasMessageContaining("'shares' is not one of");
        assertThatThrownBy(() -> parse("sources:\n  - name: a\n    type: rss\n    start: ['http://x']\n    idPattern: '/(\\\\d+'\n"))
                .hasMessageContaining("idPattern");
    }

    @Test
    void selectorSpecsReadTextOrAttributes() {
        var doc = org.jsoup.Jsoup.parse("<div class=c data-mid=7><a class=u href='/p/1' data-uid=9>张三</a><span x='[@]'>t</span></div>", "http://h/");
        var item = doc.selectFirst("div.c");
        assertThat(Selectors.value(item, "@data-mid")).isEqualTo("7");
        assertThat(Selectors.value(item, "a.u@data-uid")).isEqualTo("9");
        assertThat(Selectors.value(item, "a.u@href")).isEqualTo("http://h/p/1");
        assertThat(Selectors.value(item, "a.u")).isEqualTo("张三");
        assertThat(Selectors.value(item, "span[x='[@]']")).isEqualTo("t");
        assertThat(Selectors.value(item, ".missing")).isNull();
    }

    @Test
    void parsesDisplayedCounts() {
        assertThat(Counts.parse("阅读 1.2万")).isEqualTo(12_000);
        assertThat(Counts.parse("评论（35）")).isEqualTo(35);
        assertThat(Counts.parse("1,234 views")).isEqualTo(1234);
        assertThat(Counts.parse("3亿")).isEqualTo(300_000_000);
        assertThat(Counts.parse("2.5k")).isEqualTo(2500);
        assertThat(Counts.parse("转发")).isNull();
    }
}
