package org.fengxiang.ingest.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Throughput of generic extraction on one thread (= per core): Jsoup parse alone versus parse +
 * {@link ArticleExtractor}, over the evaluation pages. Usage: {@code ExtractionBench [DATA_DIR] [SECONDS]}.
 */
public final class ExtractionBench {
    private ExtractionBench() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/extraction");
        if (!Files.isDirectory(data)) data = Path.of("/work/shared/data/extraction");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<String> pages = load(data);
        long bytes = pages.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.printf("%d pages, %.1f MB (average %.0f KB)%n", pages.size(), bytes / 1e6, bytes / 1e3 / pages.size());
        ArticleExtractor ex = new ArticleExtractor();
        run("warm-up parse", pages, seconds / 4, false, ex, bytes);
        run("warm-up parse+extract", pages, seconds / 4, true, ex, bytes);
        run("jsoup parse only", pages, seconds, false, ex, bytes);
        run("parse + extract", pages, seconds, true, ex, bytes);
    }

    private static void run(String name, List<String> pages, double seconds, boolean extract, ArticleExtractor ex, long bytes) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long n = 0;
        int rounds = 0;
        long sink = 0;
        while (System.nanoTime() < deadline || rounds == 0) {
            for (String html : pages) {
                Document doc = Jsoup.parse(html);
                if (extract) sink += ex.extract(doc, ExtractionRules.NONE, null).text().length();
                else sink += doc.childNodeSize();
                n++;
            }
            rounds++;
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-22s %8.1f pages/s  %6.2f ms/page  %6.1f MB/s  (%d rounds, checksum %d)%n",
                name, n / s, 1000 * s / n, rounds * bytes / 1e6 / s, rounds, sink % 1000);
    }

    static List<String> load(Path data) throws IOException {
        List<String> pages = new ArrayList<>();
        Path sh = data.resolve("scrapinghub/html");
        if (Files.isDirectory(sh)) {
            try (Stream<Path> s = Files.list(sh)) {
                for (Path p : s.sorted().toList()) pages.add(ExtractionEval.read(p));
            }
        }
        Path zh = data.resolve("zh/pages");
        if (Files.isDirectory(zh)) {
            try (Stream<Path> s = Files.walk(zh)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) pages.add(Files.readString(p));
            }
        }
        if (pages.isEmpty()) throw new IOException("no pages under " + data);
        return pages;
    }
}
