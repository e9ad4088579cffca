package org.fengxiang.analytics.sentiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.analytics.text.AnalyzedText;
import org.fengxiang.analytics.text.TextAnalyzer;
import org.fengxiang.core.Sentiment;

/**
 * Evaluates the sentiment scorer on labelled files, by default on their held-out split only. For
 * two-class data (negative/positive) the decision is the sign of the score (accuracy and macro-F1 over
 * the two classes); the strict accuracy also counts neutral-band answers as wrong. For data with
 * neutral labels the three-class label is compared. Model-only and lexicon-only accuracies are printed
 * beside the hybrid for comparison.
 */
public final class SentimentEval {
    /** Scores of one file. */
    public record Result(String name, int n, double accuracy, double macroF1, double strictAccuracy, double neutralShare,
                         double modelOnlyAccuracy, double lexiconOnlyAccuracy) {
        @Override
        public String toString() {
            return String.format("%-32s n=%5d  accuracy=%.4f  macroF1=%.4f  strict=%.4f  neutral=%.3f  model-only=%.4f  lexicon-only=%.4f",
                    name, n, accuracy, macroF1, strictAccuracy, neutralShare, modelOnlyAccuracy, lexiconOnlyAccuracy);
        }
    }

    private SentimentEval() {}

    /** The examples whose held-out bucket is in [{@code fromPercent}, {@code toPercent}). */
    public static List<LabelledCorpus.Example> split(List<LabelledCorpus.Example> all, long seed, int fromPercent, int toPercent) {
        List<LabelledCorpus.Example> out = new ArrayList<>();
        for (LabelledCorpus.Example e : all) {
            if (HoldOut.isHeldOut(e.text(), seed, toPercent) && !HoldOut.isHeldOut(e.text(), seed, fromPercent)) out.add(e);
        }
        return out;
    }

    /** Evaluates a hybrid analyzer (and its model-only and lexicon-only parts) on examples. */
    public static Result evaluate(String name, List<LabelledCorpus.Example> examples, TextAnalyzer text, LinearModel model,
                                  SentimentLexicon lexicon, SentimentAnalyzer.Params params) {
        SentimentAnalyzer hybrid = new SentimentAnalyzer(model, lexicon, params, text.segmenter()::isStopWord);
        SentimentAnalyzer modelOnly = new SentimentAnalyzer(model, null, params);
        SentimentAnalyzer lexiconOnly = new SentimentAnalyzer(null, lexicon, params);
        boolean threeClass = examples.stream().anyMatch(e -> e.label().equals(Sentiment.NEUTRAL));
        List<String> classes = threeClass ? List.of(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE)
                : List.of(Sentiment.NEGATIVE, Sentiment.POSITIVE);
        int[][] confusion = new int[3][3];
        int correct = 0;
        int strict = 0;
        int neutral = 0;
        int modelCorrect = 0;
        int lexCorrect = 0;
        for (LabelledCorpus.Example e : examples) {
            AnalyzedText a = text.analyze(e.text());
            Sentiment s = hybrid.analyze(a);
            String predicted = threeClass ? s.label : sign(s.score);
            if (predicted.equals(e.label())) correct++;
            if (s.label.equals(e.label())) strict++;
            if (s.label.equals(Sentiment.NEUTRAL)) neutral++;
            confusion[idx(e.label())][idx(predicted)]++;
            Sentiment m = modelOnly.analyze(a);
            Sentiment l = lexiconOnly.analyze(a);
            if ((threeClass ? m.label : sign(m.score)).equals(e.label())) modelCorrect++;
            if ((threeClass ? l.label : sign(l.score)).equals(e.label())) lexCorrect++;
        }
        int n = Math.max(1, examples.size());
        return new Result(name, examples.size(), (double) correct / n, macroF1(confusion, classes), (double) strict / n,
                (double) neutral / n, (double) modelCorrect / n, (double) lexCorrect / n);
    }

    private static String sign(double score) {
        return score > 0 ? Sentiment.POSITIVE : score < 0 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }

    private static int idx(String label) {
        return switch (label) {
            case Sentiment.NEGATIVE -> 0;
            case Sentiment.NEUTRAL -> 1;
            default -> 2;
        };
    }

    static double macroF1(int[][] confusion, List<String> classes) {
        double sum = 0;
        for (String c : classes) {
            int i = idx(c);
            int tp = confusion[i][i];
            int fp = 0;
            int fn = 0;
            for (int j = 0; j < 3; j++) {
                if (j == i) continue;
                fp += confusion[j][i];
                fn += confusion[i][j];
            }
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return sum / classes.size();
    }

    /**
     * Command line: {@code --input FILE} (repeatable) [{@code --model PATH}] [{@code --lexicon PATH}]
     * [{@code --all}] [{@code --holdout-percent N}] [{@code --exclude-percent N}] [{@code --seed N}]
     * [{@code --lexicon-weight X}] [{@code --short-weight X}] [{@code --neutral X}] [{@code --model-only-scale X}].
     */
    public static void main(String[] args) throws IOException {
        List<Path> inputs = new ArrayList<>();
        String modelPath = "config/models/sentiment.model";
        String lexiconPath = "config/lexicon/sentiment.txt";
        boolean all = false;
        int holdout = HoldOut.DEFAULT_PERCENT;
        int exclude = 0;
        long seed = HoldOut.DEFAULT_SEED;
        SentimentAnalyzer.Params d = SentimentAnalyzer.Params.defaults();
        double lw = d.lexiconWeight();
        double sw = d.shortTextLexiconWeight();
        double nt = d.neutralThreshold();
        double ms = d.modelOnlyScale();
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--input" -> inputs.add(Path.of(v));
                case "--model" -> modelPath = v;
                case "--lexicon" -> lexiconPath = v;
                case "--holdout-percent" -> holdout = Integer.parseInt(v);
                case "--exclude-percent" -> exclude = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--lexicon-weight" -> lw = Double.parseDouble(v);
                case "--short-weight" -> sw = Double.parseDouble(v);
                case "--neutral" -> nt = Double.parseDouble(v);
                case "--model-only-scale" -> ms = Double.parseDouble(v);
                case "--all" -> {
                    all = true;
                    i--;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        SentimentAnalyzer.Params params = new SentimentAnalyzer.Params(lw, sw, d.shortTextChars(), nt, ms);
        TextAnalyzer text = TextAnalyzer.createDefault();
        LinearModel model = modelPath.isBlank() ? null : SentimentAnalyzer.loadModel(modelPath);
        SentimentLexicon lexicon = SentimentLexicon.load(lexiconPath);
        for (Path in : inputs) {
            List<LabelledCorpus.Example> ex = LabelledCorpus.read(in);
            if (!all) ex = split(ex, seed, exclude, holdout);
            System.out.println(evaluate(in.getFileName().toString(), ex, text, model, lexicon, params));
        }
    }
}
