package org.fengxiang.analytics.sentiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic-regression model over hashed features: {@code 2^bits} rows of one weight per
 * class, plus a bias per class. Class labels are {@link org.fengxiang.core.Sentiment} labels.
 * Stored as gzip: magic, version, bits, labels, biases, then the weights as float32. Immutable once
 * loaded; prediction is thread-safe.
 */
public final class LinearModel {
    private static final int MAGIC = 0x46585331;
    private static final int VERSION = 1;

    final int bits;
    final String[] labels;
    final float[] bias;
    /** Weights per (feature, class); null in a model read for scoring with two classes. */
    final float[] weights;
    /** Two classes: weight of class 1 minus class 0 per feature (one cache line fewer per lookup), else null. */
    private final float[] diff;

    LinearModel(int bits, String[] labels, float[] bias, float[] weights) {
        this(bits, labels, bias, weights, false);
    }

    private LinearModel(int bits, String[] labels, float[] bias, float[] weights, boolean compact) {
        if (bits < 8 || bits > 26) throw new IllegalArgumentException("feature bits must be in [8, 26]: " + bits);
        if (weights.length != (1 << bits) * labels.length || bias.length != labels.length) {
            throw new IllegalArgumentException("model arrays do not match " + labels.length + " classes and " + bits + " bits");
        }
        this.bits = bits;
        this.labels = labels;
        this.bias = bias;
        if (labels.length == 2) {
            diff = new float[1 << bits];
            for (int f = 0; f < diff.length; f++) diff[f] = weights[2 * f + 1] - weights[2 * f];
        } else {
            diff = null;
        }
        this.weights = compact && diff != null ? null : weights;
    }

    /** The class labels in model order. */
    public List<String> labels() {
        return List.of(labels);
    }

    /** Class probabilities (softmax) of a feature vector. */
    double[] probabilities(Features.Vector x) {
        if (diff != null) {
            double z = bias[1] - bias[0];
            for (int f : x.index()) z += diff[f] * x.value();
            double p1 = 1 / (1 + Math.exp(-z));
            return new double[] {1 - p1, p1};
        }
        int k = labels.length;
        double[] z = new double[k];
        for (int c = 0; c < k; c++) z[c] = bias[c];
        for (int f : x.index()) {
            int base = f * k;
            for (int c = 0; c < k; c++) z[c] += weights[base + c] * x.value();
        }
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < z.length; i++) z[i] /= sum;
        return z;
    }

    /** Writes the model (gzip). */
    public void write(OutputStream out) throws IOException {
        if (weights == null) throw new IllegalStateException("a two-class model read for scoring is compact; copy its file instead");
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(bits);
        d.writeInt(labels.length);
        for (String l : labels) d.writeUTF(l);
        for (float b : bias) d.writeFloat(b);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
        for (float w : weights) {
            if (!buf.hasRemaining()) {
                d.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putFloat(w);
        }
        d.write(buf.array(), 0, buf.position());
        d.flush();
        gz.finish();
    }

    /** Reads a model written by {@link #write}. */
    public static LinearModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        if (d.readInt() != MAGIC) throw new IOException("not a Fengxiang sentiment model");
        int version = d.readInt();
        if (version != VERSION) throw new IOException("unsupported sentiment model version " + version);
        int bits = d.readInt();
        int k = d.readInt();
        if (bits < 8 || bits > 26 || k < 2 || k > 3) throw new IOException("corrupt sentiment model header");
        String[] labels = new String[k];
        for (int i = 0; i < k; i++) labels[i] = d.readUTF();
        float[] bias = new float[k];
        for (int i = 0; i < k; i++) bias[i] = d.readFloat();
        float[] w = new float[(1 << bits) * k];
        byte[] chunk = new byte[1 << 16];
        int i = 0;
        while (i < w.length) {
            int want = Math.min(chunk.length, (w.length - i) * 4);
            d.readFully(chunk, 0, want);
            ByteBuffer bb = ByteBuffer.wrap(chunk, 0, want);
            while (bb.hasRemaining()) w[i++] = bb.getFloat();
        }
        return new LinearModel(bits, labels, bias, w, true);
    }
}
