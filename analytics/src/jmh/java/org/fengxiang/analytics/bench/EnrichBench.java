package org.fengxiang.analytics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fengxiang.analytics.dedup.SimHash;
import org.fengxiang.analytics.enrich.AnalyticsSettings;
import org.fengxiang.analytics.enrich.PostEnricher;
import org.fengxiang.analytics.sentiment.SentimentAnalyzer;
import org.fengxiang.analytics.sentiment.SentimentLexicon;
import org.fengxiang.analytics.text.AnalyzedText;
import org.fengxiang.analytics.text.KeywordExtractor;
import org.fengxiang.analytics.text.NormalisedText;
import org.fengxiang.analytics.text.TextAnalyzer;
import org.fengxiang.core.Author;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of each enrichment stage and of the whole chain on the same texts, beside HanLP's
 * StandardTokenizer alone (the floor). One operation processes the whole batch of texts; chars/s =
 * ops/s x the printed character count. Posts come from the JSONL file named by system property
 * {@code bench.posts} (default: the CED development replay when present), else a bundled sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnrichBench {
    private static final String DEFAULT_POSTS = "/work/shared/data/ced-dev/posts.jsonl";
    private static final int MAX_POSTS = 3000;

    private List<String> texts;
    private List<String> locations;
    private List<NormalisedText> normalised;
    private List<AnalyzedText> analyzed;
    private TextAnalyzer analyzer;
    private KeywordExtractor keywords;
    private SentimentAnalyzer sentiment;
    private PostEnricher enricher;

    @Setup
    public void setUp() throws IOException {
        texts = new ArrayList<>();
        locations = new ArrayList<>();
        load();
        AnalyticsSettings s = AnalyticsSettings.defaults();
        enricher = PostEnricher.create(s);
        analyzer = TextAnalyzer.createDefault();
        keywords = new KeywordExtractor(analyzer.segmenter(), s.keywords.pos, s.keywords.max);
        sentiment = new SentimentAnalyzer(SentimentAnalyzer.loadModel(s.sentiment.model), SentimentLexicon.load(s.sentiment.lexicon),
                s.sentiment.params(), analyzer.segmenter()::isStopWord);
        normalised = new ArrayList<>();
        analyzed = new ArrayList<>();
        long chars = 0;
        for (String t : texts) {
            chars += t.length();
            normalised.add(analyzer.normalise(t));
            analyzed.add(analyzer.analyze(t));
        }
        StandardTokenizer.segment("warm up");
        System.out.printf("%n[bench] %d texts, %d chars per operation%n", texts.size(), chars);
    }

    private void load() throws IOException {
        Path file = Path.of(System.getProperty("bench.posts", DEFAULT_POSTS));
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode n = Json.tree(line);
                String text = n.path("text").asText("");
                if (text.isBlank()) continue;
                texts.add(text);
                locations.add(n.path("author").path("location").asText(null));
                if (texts.size() >= MAX_POSTS) break;
            }
            return;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                EnrichBench.class.getResourceAsStream("/bench-posts.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                texts.add(line);
                locations.add(null);
            }
        }
    }

    /** The floor: HanLP StandardTokenizer alone. */
    @Benchmark
    public void floorStandardTokenizer(Blackhole bh) {
        for (String t : texts) bh.consume(StandardTokenizer.segment(t));
    }

    /** Clean + mask + extract. */
    @Benchmark
    public void normaliseAndMask(Blackhole bh) {
        for (String t : texts) bh.consume(analyzer.normalise(t));
    }

    /** Segmentation of the analysis texts. */
    @Benchmark
    public void segment(Blackhole bh) {
        for (NormalisedText n : normalised) bh.consume(analyzer.segmenter().segment(n.analysisText()));
    }

    /** Keywords from tokens. */
    @Benchmark
    public void keywords(Blackhole bh) {
        for (AnalyzedText a : analyzed) bh.consume(keywords.keywords(a.tokens()));
    }

    /** Hybrid sentiment from tokens. */
    @Benchmark
    public void sentiment(Blackhole bh) {
        for (AnalyzedText a : analyzed) bh.consume(sentiment.analyze(a));
    }

    /** SimHash from tokens. */
    @Benchmark
    public void simhash(Blackhole bh) {
        for (AnalyzedText a : analyzed) bh.consume(SimHash.of(a.tokens(), 4, analyzer.segmenter()::isStopWord));
    }

    /** The whole enrichment of fresh posts. */
    @Benchmark
    public void enrichWholeChain(Blackhole bh) {
        for (int i = 0; i < texts.size(); i++) {
            Post p = new Post();
            p.id = "b" + i;
            p.text = texts.get(i);
            p.author = new Author("a" + i, null, null, null, locations.get(i));
            bh.consume(enricher.enrich(p));
        }
    }
}
