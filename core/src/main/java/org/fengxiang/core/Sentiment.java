package org.fengxiang.core;

import java.io.Serializable;
import java.util.Objects;

/** A three-class sentiment with a score in [-1, 1]. */
public class Sentiment implements Serializable {
    public static final String NEGATIVE = "negative";
    public static final String NEUTRAL = "neutral";
    public static final String POSITIVE = "positive";

    public String label;
    public double score;

    public Sentiment() {}

    public Sentiment(String label, double score) {
        this.label = label;
        this.score = score;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sentiment s && Objects.equals(label, s.label) && Double.compare(score, s.score) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, score);
    }

    @Override
    public String toString() {
        return label + "(" + score + ")";
    }
}
