package org.fengxiang.ingest.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.fengxiang.core.Json;
import org.fengxiang.ingest.crawl.Charsets;
import org.fengxiang.ingest.crawl.CrawlerSettings;
import org.fengxiang.ingest.crawl.FetchException;
import org.fengxiang.ingest.crawl.HttpFetcher;
import org.fengxiang.ingest.crawl.Page;
import org.fengxiang.ingest.crawl.Sleeper;

/** Entry points for the {@code extract} command: a saved page or a URL to an {@link Article} and its JSON. */
public final class Extraction {
    private Extraction() {}

    /** Extracts a saved page; {@code charset} null means detect (meta tag, then juniversalchardet). */
    public static Article fromFile(Path file, String url, String charset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String html = charset == null ? Charsets.decode(bytes, null).text() : new String(bytes, Charset.forName(charset));
        return new ArticleExtractor().extract(html, url);
    }

    /** Fetches a URL politely (robots.txt, SSRF guard, limits from the settings) and extracts it. */
    public static Article fromUrl(String url, CrawlerSettings settings) throws FetchException, InterruptedException {
        try (HttpFetcher f = new HttpFetcher(settings, Clock.systemUTC(), Sleeper.SYSTEM)) {
            Page p = f.fetch(url);
            return new ArticleExtractor().extract(p.text(), p.url());
        }
    }

    /** The article as one JSON object: title, author, publishedAt, text. */
    public static String toJson(Article a) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("title", a.title());
        o.put("author", a.author());
        o.put("publishedAt", a.publishedAt());
        o.put("text", a.text());
        return Json.write(o);
    }
}
