package org.fengxiang.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.fengxiang.core.Json;
import org.fengxiang.ingest.crawl.Charsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Evaluation of {@link ArticleExtractor} over {@code DATA/scrapinghub} (body F1 with ScrapingHub's
 * token-shingle metric) and {@code DATA/zh} (title and time accuracy, character-shingle body F1
 * against the gold span). Usage: {@code ExtractionEval [DATA_DIR] [--pred OUT_DIR] [-v]}; with
 * {@code --pred} the Chinese predictions are written for {@code zh/check.py}.
 */
public final class ExtractionEval {
    private static String show;

    private ExtractionEval() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of("../shared/data/extraction");
        Path pred = null;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--pred")) pred = Path.of(args[++i]);
            else if (args[i].equals("--show")) show = args[++i];
            else if (args[i].equals("-v")) verbose = true;
            else data = Path.of(args[i]);
        }
        if (!Files.isDirectory(data)) data = Path.of("/work/shared/data/extraction");
        ArticleExtractor ex = new ArticleExtractor();
        Path sh = data.resolve("scrapinghub");
        if (Files.isDirectory(sh)) scrapinghub(sh, ex, verbose);
        Path zh = data.resolve("zh");
        if (Files.isDirectory(zh)) chinese(zh, ex, pred, verbose);
    }

    static void scrapinghub(Path dir, ArticleExtractor ex, boolean verbose) throws IOException {
        JsonNode truth = Json.mapper().readTree(dir.resolve("ground-truth.json").toFile());
        List<Shingles.TpFpFn> items = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String html = read(dir.resolve("html/" + e.getKey() + ".html.gz"));
            Article a = ex.extract(html, e.getValue().path("url").asText(null));
            Shingles.TpFpFn r = Shingles.tokenShingles(e.getValue().path("articleBody").asText(""), a.text());
            items.add(r);
            if (show != null && e.getKey().startsWith(show)) {
                System.out.println("=== EXTRACTED (" + a.title() + ")\n" + a.text() + "\n=== TRUTH\n" + e.getValue().path("articleBody").asText());
            }
            if (verbose) {
                Shingles.Prf one = Shingles.aggregate(List.of(r));
                System.out.printf("  %s  P=%.3f R=%.3f F1=%.3f%n", e.getKey().substring(0, 12), one.precision(), one.recall(), one.f1());
            }
        }
        Shingles.Prf m = Shingles.aggregate(items);
        System.out.printf("scrapinghub (%d pages, token 4-shingles): precision=%.4f recall=%.4f F1=%.4f%n",
                items.size(), m.precision(), m.recall(), m.f1());
    }

    static void chinese(Path dir, ArticleExtractor ex, Path pred, boolean verbose) throws IOException {
        JsonNode gold = Json.mapper().readTree(dir.resolve("gold.json").toFile());
        double title = 0, time = 0, f1 = 0, p = 0, r = 0;
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode g = e.getValue();
            String html = Files.readString(dir.resolve("pages").resolve(e.getKey()), StandardCharsets.UTF_8);
            Article a = ex.extract(html, null);
            String ref = GoldSpan.reference(Jsoup.parse(html), g);
            Shingles.Prf prf = Shingles.charShingles(a.text(), ref == null ? "" : ref);
            boolean titleOk = Shingles.squash(a.title()).equals(Shingles.squash(g.path("title").asText()));
            boolean timeOk = GoldSpan.timeMatch(g.path("publishedAt").asText(null), a.publishedAt());
            title += titleOk ? 1 : 0;
            time += timeOk ? 1 : 0;
            f1 += prf.f1();
            p += prf.precision();
            r += prf.recall();
            n++;
            if (show != null && e.getKey().startsWith(show)) System.out.println("=== EXTRACTED\n" + a.text() + "\n=== REF\n" + ref);
            if (verbose) {
                System.out.printf("  %-24s title=%s time=%s P=%.3f R=%.3f F1=%.3f  [%s | %s]%n", e.getKey(), titleOk ? 1 : 0, timeOk ? 1 : 0,
                        prf.precision(), prf.recall(), prf.f1(), a.title(), a.publishedAt());
            }
            if (pred != null) {
                Path out = pred.resolve(e.getKey().replaceAll("\\.html$", ".json"));
                Files.createDirectories(out.getParent());
                ObjectNode o = Json.mapper().createObjectNode();
                o.put("title", a.title());
                o.put("publishedAt", a.publishedAt());
                o.put("author", a.author());
                o.put("text", a.text());
                Files.writeString(out, Json.write(o));
            }
        }
        System.out.printf("zh (%d pages): title accuracy=%.4f time accuracy=%.4f char 4-shingle body P=%.4f R=%.4f F1=%.4f%n",
                n, title / n, time / n, p / n, r / n, f1 / n);
    }

    static String read(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return Charsets.decode(in.readAllBytes(), null).text();
        }
    }

    /** Parses a page the same way the evaluation does (for the bench). */
    static Document parse(String html) {
        return Jsoup.parse(html);
    }
}
