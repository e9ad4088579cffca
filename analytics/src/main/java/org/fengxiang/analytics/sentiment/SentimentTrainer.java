package org.fengxiang.analytics.sentiment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.fengxiang.analytics.text.AnalyzedText;
import org.fengxiang.analytics.text.TextAnalyzer;
import org.fengxiang.core.Sentiment;

/**
 * Trains the linear sentiment model: multinomial logistic regression over hashed character and word
 * n-grams scaled by naive-Bayes log-count ratios (two classes), AdaGrad with class- and corpus-balanced
 * weights and light L2, a seeded shuffle per epoch, weights averaged over epochs. The texts in
 * the held-out split ({@link HoldOut}) are left out. Deterministic for the same inputs and options.
 */
public final class SentimentTrainer {
    /** Training options. */
    public record Options(int bits, int epochs, double learningRate, double l2, int holdoutPercent, long seed) {
        /** The defaults used for the shipped model. */
        public static Options defaults() {
            return new Options(22, 6, 0.1, 1e-7, HoldOut.DEFAULT_PERCENT, HoldOut.DEFAULT_SEED);
        }

        /** Validates ranges. */
        public Options {
            if (bits < 8 || bits > 26) throw new IllegalArgumentException("bits must be in [8, 26]");
            if (epochs < 1 || learningRate <= 0 || l2 < 0) throw new IllegalArgumentException("bad training options");
            if (holdoutPercent < 0 || holdoutPercent >= 100) throw new IllegalArgumentException("holdout percent must be in [0, 100)");
        }
    }

    /** What training did. */
    public record Report(int trainExamples, int heldOutExamples, List<String> labels, double trainAccuracy) {}

    private static final double NB_FLOOR = 0.25;

    private SentimentTrainer() {}

    /** Trains on one file with the default options and text pipeline, writes the model. */
    public static Report train(Path input, Path output) throws IOException {
        return train(List.of(input), output, Options.defaults(), TextAnalyzer.createDefault());
    }

    /** Trains on several files and writes the model (gzip) to {@code output}. */
    public static Report train(List<Path> inputs, Path output, Options o, TextAnalyzer analyzer) throws IOException {
        List<LabelledCorpus.Example> train = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int heldOut = 0;
        for (Path in : inputs) {
            int before = train.size();
            for (LabelledCorpus.Example e : LabelledCorpus.read(in)) {
                if (HoldOut.isHeldOut(e.text(), o.seed(), o.holdoutPercent())) heldOut++;
                else train.add(e);
            }
            sizes.add(train.size() - before);
        }
        if (train.isEmpty()) throw new IllegalArgumentException("no training examples in " + inputs);
        double[] corpusWeight = new double[train.size()];
        int at = 0;
        for (int size : sizes) {
            double cw = size == 0 ? 0 : Math.sqrt((double) train.size() / (sizes.size() * size));
            for (int i = 0; i < size; i++) corpusWeight[at++] = cw;
        }
        TrainedModel t = fit(train, corpusWeight, o, analyzer);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(output)) {
            t.model.write(out);
        }
        return new Report(train.size(), heldOut, t.model.labels(), t.trainAccuracy);
    }

    private record TrainedModel(LinearModel model, double trainAccuracy) {}

    static TrainedModel fit(List<LabelledCorpus.Example> examples, double[] exampleWeight, Options o, TextAnalyzer analyzer) {
        String[] labels = labelsOf(examples);
        int k = labels.length;
        int n = examples.size();
        Features.Vector[] x = new Features.Vector[n];
        int[] y = new int[n];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            AnalyzedText a = analyzer.analyze(examples.get(i).text());
            x[i] = Features.extract(a.analysisText(), a.tokens(), a.normalised().emoticons(), o.bits());
            y[i] = indexOf(labels, examples.get(i).label());
            counts[y[i]]++;
        }
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) classWeight[c] = counts[c] == 0 ? 0 : (double) n / (k * counts[c]);
        float[] r = k == 2 ? nbRatios(x, y, o.bits()) : null;
        float[] w = new float[(1 << o.bits()) * k];
        float[] g2 = new float[w.length];
        float[] bias = new float[k];
        double[] biasG2 = new double[k];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        float[] avg = new float[w.length];
        float[] avgBias = new float[k];
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            shuffle(order, new Random(o.seed() + epoch));
            for (int i : order) step(x[i], y[i], classWeight[y[i]] * exampleWeight[i], w, g2, bias, biasG2, k, o, r);
            for (int j = 0; j < w.length; j++) avg[j] += w[j] / o.epochs();
            for (int c = 0; c < k; c++) avgBias[c] += bias[c] / o.epochs();
        }
        w = avg;
        bias = avgBias;
        if (r != null) {
            for (int f = 0; f < r.length; f++) for (int c = 0; c < k; c++) w[f * k + c] *= r[f];
        }
        LinearModel model = new LinearModel(o.bits(), labels, bias, w);
        int correct = 0;
        for (int i = 0; i < n; i++) if (argmax(model.probabilities(x[i])) == y[i]) correct++;
        return new TrainedModel(model, (double) correct / n);
    }

    private static void step(Features.Vector x, int y, double cw, float[] w, float[] g2, float[] bias, double[] biasG2,
                             int k, Options o, float[] r) {
        double[] z = new double[k];
        for (int c = 0; c < k; c++) z[c] = bias[c];
        float v0 = x.value();
        for (int f : x.index()) {
            float v = r == null ? v0 : v0 * r[f];
            for (int c = 0; c < k; c++) z[c] += w[f * k + c] * v;
        }
        double[] p = LinearModel.softmax(z);
        for (int c = 0; c < k; c++) {
            double err = cw * (p[c] - (c == y ? 1 : 0));
            biasG2[c] += err * err;
            bias[c] -= (float) (o.learningRate() * err / (Math.sqrt(biasG2[c]) + 1e-8));
            for (int f : x.index()) {
                int j = f * k + c;
                float v = r == null ? v0 : v0 * r[f];
                double g = err * v + o.l2() * w[j];
                g2[j] += (float) (g * g);
                w[j] -= (float) (o.learningRate() * g / (Math.sqrt(g2[j]) + 1e-8));
            }
        }
    }

    /** Naive-Bayes log-count ratios per feature (NBSVM-style feature scaling for two classes). */
    private static float[] nbRatios(Features.Vector[] x, int[] y, int bits) {
        double[] pos = new double[1 << bits];
        double[] neg = new double[1 << bits];
        double sp = 0;
        double sn = 0;
        for (int i = 0; i < x.length; i++) {
            double[] t = y[i] == 1 ? pos : neg;
            for (int f : x[i].index()) t[f]++;
            if (y[i] == 1) sp += x[i].index().length;
            else sn += x[i].index().length;
        }
        float[] r = new float[1 << bits];
        double alpha = 1;
        for (int f = 0; f < r.length; f++) {
            double ratio = Math.log((pos[f] + alpha) / (sp + alpha * r.length)) - Math.log((neg[f] + alpha) / (sn + alpha * r.length));
            r[f] = (float) (NB_FLOOR + Math.abs(ratio));
        }
        return r;
    }

    private static String[] labelsOf(List<LabelledCorpus.Example> examples) {
        TreeSet<String> present = new TreeSet<>();
        for (LabelledCorpus.Example e : examples) present.add(e.label());
        List<String> out = new ArrayList<>();
        for (String l : List.of(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE)) if (present.contains(l)) out.add(l);
        if (out.size() < 2) throw new IllegalArgumentException("training data needs at least two classes, found " + present);
        return out.toArray(new String[0]);
    }

    private static int indexOf(String[] labels, String l) {
        for (int i = 0; i < labels.length; i++) if (labels[i].equals(l)) return i;
        throw new IllegalArgumentException("unknown label " + l);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Command line: {@code --input FILE} (repeatable) {@code --output MODEL} [{@code --holdout-percent N}]
     * [{@code --seed N}] [{@code --epochs N}] [{@code --bits N}] [{@code --learning-rate X}] [{@code --l2 X}].
     */
    public static void main(String[] args) throws IOException {
        List<Path> inputs = new ArrayList<>();
        Path output = null;
        Options d = Options.defaults();
        int bits = d.bits();
        int epochs = d.epochs();
        int holdout = d.holdoutPercent();
        long seed = d.seed();
        double lr = d.learningRate();
        double l2 = d.l2();
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--input" -> inputs.add(Path.of(v));
                case "--output" -> output = Path.of(v);
                case "--holdout-percent" -> holdout = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--epochs" -> epochs = Integer.parseInt(v);
                case "--bits" -> bits = Integer.parseInt(v);
                case "--learning-rate" -> lr = Double.parseDouble(v);
                case "--l2" -> l2 = Double.parseDouble(v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
        if (inputs.isEmpty() || output == null) throw new IllegalArgumentException("usage: --input FILE... --output MODEL");
        Options o = new Options(bits, epochs, lr, l2, holdout, seed);
        long t0 = System.nanoTime();
        Report r = train(inputs, output, o, TextAnalyzer.createDefault());
        System.out.printf("trained on %d examples (%d held out), labels %s, train accuracy %.4f, %.1f s -> %s (%d bytes)%n",
                r.trainExamples(), r.heldOutExamples(), r.labels(), r.trainAccuracy(), (System.nanoTime() - t0) / 1e9,
                output, Files.size(output));
    }
}
