package org.fengxiang.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    static final String TEXT = "清水河下游出现大面积死鱼，环保部门已介入调查。附近居民担心孩子的健康。";

    static byte[] page(String charset, String declared) {
        String meta = declared == null ? "" : "<meta charset=\"" + declared + "\">";
        return ("<html><head>" + meta + "<title>新闻</title></head><body><p>" + TEXT.repeat(5) + "</p></body></html>")
                .getBytes(Charset.forName(charset));
    }

    @Test
    void headerWins() {
        Charsets.Decoded d = Charsets.decode(page("GBK", null), "text/html; charset=GB2312");
        assertThat(d.text()).contains(TEXT);
        assertThat(d.how()).isEqualTo("header");
    }

    @Test
    void metaIsUsedWithoutHeader() {
        Charsets.Decoded d = Charsets.decode(page("GBK", "gbk"), "text/html");
        assertThat(d.text()).contains(TEXT);
        assertThat(d.how()).isEqualTo("meta");
    }

    @Test
    void aWrongUtf8HeaderFallsBackToTheMeta() {
        Charsets.Decoded d = Charsets.decode(page("GB18030", "gb18030"), "text/html; charset=utf-8");
        assertThat(d.text()).contains(TEXT);
    }

    @Test
    void detectsGbkAndBig5WithoutAnyDeclaration() {
        assertThat(Charsets.decode(page("GBK", null), null).text()).contains(TEXT);
        String trad = "清水河下遊出現大面積死魚，環保部門已介入調查。附近居民擔心孩子的健康。";
        byte[] big5 = ("<html><body><p>" + trad.repeat(6) + "</p></body></html>").getBytes(Charset.forName("Big5"));
        Charsets.Decoded d = Charsets.decode(big5, null);
        assertThat(d.text()).contains(trad);
        assertThat(Charsets.decode(page("UTF-8", null), null).text()).contains(TEXT);
    }
}
