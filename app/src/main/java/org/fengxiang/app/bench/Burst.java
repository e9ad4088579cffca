package org.fengxiang.app.bench;

/** An incident burst inside a load step: a root post at {@code startSecond}, then {@code perSecond} reposts for {@code seconds}. */
public record Burst(double startSecond, int perSecond, int seconds) {
    public Burst {
        if (startSecond < 0 || perSecond < 1 || seconds < 1) throw new IllegalArgumentException("bad burst " + startSecond + "/" + perSecond + "/" + seconds);
    }
}
