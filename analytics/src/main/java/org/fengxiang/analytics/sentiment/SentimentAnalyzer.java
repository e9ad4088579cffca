package org.fengxiang.analytics.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;
import org.fengxiang.analytics.text.AnalyzedText;
import org.fengxiang.analytics.text.Token;
import org.fengxiang.core.Resources;
import org.fengxiang.core.Sentiment;

/**
 * Hybrid three-class sentiment: a linear model's margin {@code P(positive) - P(negative)} blended with
 * the lexicon score (more lexicon weight for short texts, where the model has few features and
 * emoticons carry most of the signal, for texts with polar emoticons or emoji, and when the model is unsure: the weight shrinks by half of |margin|). The label is neutral when |score| is under the threshold or
 * the text holds no signal. Without lexicon evidence the model margin is scaled down
 * ({@code modelOnlyScale}): a two-class model trained on reviews is over-confident on factual posts. Immutable and thread-safe.
 */
public final class SentimentAnalyzer {
    /** Tuning of the blend. */
    public record Params(double lexiconWeight, double shortTextLexiconWeight, int shortTextChars,
                         double neutralThreshold, double modelOnlyScale) {
        /** The defaults (tuned on a development split of the training data, not on the held-out split). */
        public static Params defaults() {
            return new Params(0.2, 0.5, 40, 0.2, 0.5);
        }

        /** Validates the ranges. */
        public Params {
            if (lexiconWeight < 0 || lexiconWeight > 1 || shortTextLexiconWeight < 0 || shortTextLexiconWeight > 1) {
                throw new IllegalArgumentException("lexicon weights must be in [0, 1]");
            }
            if (neutralThreshold < 0 || neutralThreshold >= 1) throw new IllegalArgumentException("neutral threshold must be in [0, 1)");
            if (shortTextChars < 0) throw new IllegalArgumentException("short text length must be >= 0");
            if (modelOnlyScale <= 0 || modelOnlyScale > 1) throw new IllegalArgumentException("model-only scale must be in (0, 1]");
        }
    }

    private static final double UNSURE_SHARE = 0.5;
    private final LinearModel model;
    private final SentimentLexicon lexicon;
    private final Params params;
    private final Predicate<String> stopWords;

    /** An analyzer; {@code model} or {@code lexicon} may be null (the other one alone). */
    public SentimentAnalyzer(LinearModel model, SentimentLexicon lexicon, Params params) {
        this(model, lexicon, params, w -> false);
    }

    /**
     * An analyzer that treats texts made only of stop words and punctuation (e.g. a bare repost
     * marker) as carrying no signal.
     */
    public SentimentAnalyzer(LinearModel model, SentimentLexicon lexicon, Params params, Predicate<String> stopWords) {
        this.model = model;
        this.lexicon = lexicon;
        this.params = params;
        this.stopWords = stopWords;
    }

    /** Loads a model via {@link Resources#open} (disk or classpath). */
    public static LinearModel loadModel(String path) {
        try (InputStream in = Resources.open(path)) {
            return LinearModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load sentiment model " + path + ": " + e.getMessage(), e);
        }
    }

    /** Scores an analysed text. */
    public Sentiment analyze(AnalyzedText t) {
        return analyze(t.analysisText(), t.tokens(), t.normalised().emoticons());
    }

    /** Scores the analysis text with its tokens and emoticons. */
    public Sentiment analyze(String text, List<Token> tokens, List<String> emoticons) {
        double score = score(text, tokens, emoticons);
        String label = score >= params.neutralThreshold() ? Sentiment.POSITIVE
                : score <= -params.neutralThreshold() ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        return new Sentiment(label, Math.round(score * 1000) / 1000.0);
    }

    /** The blended score in [-1, 1] (0 when there is no signal). */
    public double score(String text, List<Token> tokens, List<String> emoticons) {
        SentimentLexicon.Score lex = lexicon == null ? new SentimentLexicon.Score(0, 0) : lexicon.score(tokens, emoticons);
        boolean hasContent = hasContent(text) && hasContentWord(tokens);
        if (model == null || !hasContent) return lex.hits() > 0 ? lex.score() : 0;
        double m = margin(text, tokens, emoticons);
        if (lex.hits() == 0) return m * params.modelOnlyScale();
        boolean shortOrEmoticons = countContent(text) <= params.shortTextChars() || hasPolarEmoticon(emoticons);
        double a = shortOrEmoticons ? params.shortTextLexiconWeight() : params.lexiconWeight();
        a *= 1 - UNSURE_SHARE * Math.abs(m);
        return Math.max(-1, Math.min(1, (1 - a) * m + a * lex.score()));
    }

    /** The model's margin P(positive) - P(negative), 0 without a model. */
    double margin(String text, List<Token> tokens, List<String> emoticons) {
        if (model == null) return 0;
        double[] p = model.probabilities(Features.extract(text, tokens, emoticons, model.bits));
        double pos = 0;
        double neg = 0;
        for (int i = 0; i < p.length; i++) {
            if (model.labels[i].equals(Sentiment.POSITIVE)) pos = p[i];
            else if (model.labels[i].equals(Sentiment.NEGATIVE)) neg = p[i];
        }
        return pos - neg;
    }

    private boolean hasPolarEmoticon(List<String> emoticons) {
        if (lexicon == null) return false;
        for (String e : emoticons) if (lexicon.polarity(e) != 0) return true;
        return false;
    }

    private boolean hasContentWord(List<Token> tokens) {
        for (Token t : tokens) if (!t.isPunctuation() && !stopWords.test(t.word())) return true;
        return false;
    }

    private static boolean hasContent(String text) {
        for (int i = 0; i < text.length(); i++) if (Character.isLetter(text.charAt(i))) return true;
        return false;
    }

    private static int countContent(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (Character.isLetterOrDigit(text.charAt(i))) n++;
        return n;
    }
}
