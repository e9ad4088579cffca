package org.fengxiang.analytics.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.fengxiang.analytics.dedup.SimHash;
import org.fengxiang.analytics.dedup.TextHash;
import org.fengxiang.analytics.sentiment.LinearModel;
import org.fengxiang.analytics.sentiment.SentimentAnalyzer;
import org.fengxiang.analytics.sentiment.SentimentLexicon;
import org.fengxiang.analytics.text.AnalyzedText;
import org.fengxiang.analytics.text.Gazetteer;
import org.fengxiang.analytics.text.KeywordExtractor;
import org.fengxiang.analytics.text.Normaliser;
import org.fengxiang.analytics.text.PiiMasker;
import org.fengxiang.analytics.text.Pseudonymiser;
import org.fengxiang.analytics.text.Segmenter;
import org.fengxiang.analytics.text.TextAnalyzer;
import org.fengxiang.analytics.text.Token;
import org.fengxiang.core.Author;
import org.fengxiang.core.Post;
import org.fengxiang.core.Sentiment;

/**
 * The enrichment facade: normalises and masks title and text, extracts hashtags, mentions, URLs and
 * emoticons, segments, extracts keywords, places, organisations and the region, scores sentiment and
 * computes the SimHash and exact-duplicate hash. Create once per task with {@link #create}; the
 * dictionaries and model are loaded once per JVM for equal settings. Thread-safe.
 */
public final class PostEnricher {
    private static final ConcurrentHashMap<String, PostEnricher> CACHE = new ConcurrentHashMap<>();

    private final AnalyticsSettings settings;
    private final TextAnalyzer analyzer;
    private final KeywordExtractor keywords;
    private final Gazetteer gazetteer;
    private final SentimentAnalyzer sentiment;
    private final Pseudonymiser pseudonymiser;
    private final Segmenter segmenter;

    private PostEnricher(AnalyticsSettings s) {
        s.validate();
        this.settings = s;
        this.gazetteer = Gazetteer.load(s.lexicon.regions);
        Segmenter seg = Segmenter.create(s.lexicon.userDictionaries, gazetteer, s.lexicon.stopWords,
                s.lexicon.nameRecognition, s.lexicon.placeRecognition, s.lexicon.organizationRecognition);
        this.analyzer = new TextAnalyzer(new Normaliser(s.text.toSimplified), s.privacy.mask ? new PiiMasker() : null,
                seg, s.text.maxChars);
        this.segmenter = seg;
        this.keywords = new KeywordExtractor(seg, s.keywords.pos, s.keywords.max);
        if (s.sentiment.enabled) {
            LinearModel model = s.sentiment.model == null || s.sentiment.model.isBlank()
                    ? null : SentimentAnalyzer.loadModel(s.sentiment.model);
            this.sentiment = new SentimentAnalyzer(model, SentimentLexicon.load(s.sentiment.lexicon), s.sentiment.params(),
                    seg::isStopWord);
        } else {
            this.sentiment = null;
        }
        this.pseudonymiser = s.privacy.pseudonymiseAuthors ? Pseudonymiser.fromEnv(s.privacy.keyEnv) : null;
    }

    /** The enricher for these settings, loading everything on first use in this JVM. */
    public static PostEnricher create(AnalyticsSettings settings) {
        AnalyticsSettings s = settings == null ? AnalyticsSettings.defaults() : settings;
        return CACHE.computeIfAbsent(s.cacheKey(), k -> new PostEnricher(s));
    }

    /** The settings in use. */
    public AnalyticsSettings settings() {
        return settings;
    }

    /**
     * Enriches the post in place and returns it: masked, normalised {@code title} and {@code text};
     * {@code hashtags}, {@code mentions}, {@code urls}, {@code emoticons}, {@code keywords},
     * {@code places}, {@code organizations}, {@code region}, {@code sentiment}, {@code simhash},
     * {@code textHash}; the author pseudonymised when configured.
     */
    public Post enrich(Post p) {
        AnalyzedText title = analyzer.analyze(p.title);
        AnalyzedText text = analyzer.analyze(p.text);
        if (p.title != null) p.title = title.text();
        if (p.text != null) p.text = text.text();
        p.hashtags = distinct(title.normalised().hashtags(), text.normalised().hashtags());
        p.mentions = distinct(title.normalised().mentions(), text.normalised().mentions());
        p.urls = distinct(title.normalised().urls(), text.normalised().urls());
        p.emoticons = distinct(title.normalised().emoticons(), text.normalised().emoticons());
        List<Token> all = new ArrayList<>(title.tokens().size() + text.tokens().size() + 1);
        all.addAll(title.tokens());
        all.addAll(text.tokens());
        p.keywords = keywords.keywords(all);
        List<String> places = new ArrayList<>();
        List<String> orgs = new ArrayList<>();
        for (Token t : all) {
            if (t.word().length() < 2) continue;
            if (t.isPlace() && !places.contains(t.word())) places.add(t.word());
            else if (t.isOrganization() && !orgs.contains(t.word())) orgs.add(t.word());
        }
        p.places = places;
        p.organizations = orgs;
        p.region = gazetteer.region(places, p.author == null ? null : p.author.location);
        AnalyzedText main = text.analysisText().isEmpty() ? title : text;
        p.sentiment = sentiment == null ? null : score(title, text);
        p.simhash = SimHash.of(main.tokens(), settings.dedup.minTokens, segmenter::isStopWord);
        p.textHash = TextHash.of(main.analysisText());
        if (pseudonymiser != null && p.author != null) pseudonymise(p.author);
        return p;
    }

    private Sentiment score(AnalyzedText title, AnalyzedText text) {
        if (!text.analysisText().isEmpty() || !text.normalised().emoticons().isEmpty()) return sentiment.analyze(text);
        return sentiment.analyze(title);
    }

    private void pseudonymise(Author a) {
        String pseudonym = pseudonymiser.pseudonym(a.id);
        a.id = pseudonym;
        a.name = a.name == null ? null : pseudonym;
    }

    private static List<String> distinct(List<String> a, List<String> b) {
        if (a.isEmpty() && b.isEmpty()) return new ArrayList<>();
        LinkedHashSet<String> set = new LinkedHashSet<>(a);
        set.addAll(b);
        return new ArrayList<>(set);
    }
}
