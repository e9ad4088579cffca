package org.fengxiang.app.job;

import java.util.List;
import org.fengxiang.alerting.rules.AlertProcessor;
import org.fengxiang.alerting.rules.AlertRulesSettings;
import org.fengxiang.alerting.rules.RuleSource;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;

/**
 * Drives {@link AlertProcessor}: one alert thread per incident, transitions emitted as snapshots arrive.
 * Each snapshot is judged by the rules in force at its event time ({@link RuleSource}: fixed, or the
 * versioned history of a hot-reloaded rules file).
 */
final class AlertDriver implements TickedDetector<AlertProcessor, Incident, Alert> {
    private final RuleSource rules;

    AlertDriver(AlertRulesSettings settings) {
        this(RuleSource.fixed(settings));
    }

    AlertDriver(RuleSource rules) {
        this.rules = rules;
    }

    @Override public Class<AlertProcessor> stateType() { return AlertProcessor.class; }
    @Override public AlertProcessor create(String key) { return new AlertProcessor(); }
    @Override public AlertProcessor attach(AlertProcessor p) { return p; }

    @Override
    public List<Alert> onInput(AlertProcessor p, Incident snapshot) {
        List<Alert> out = p.withSettings(rules.at(snapshot.asOf)).onSnapshot(snapshot);
        p.lastSnapshotFinished = snapshot.finished;
        return out;
    }

    @Override public long nextTimer(AlertProcessor p) { return -1; }
    @Override public List<Alert> onTimer(AlertProcessor p, long time) { return List.of(); }
    @Override public boolean finished(AlertProcessor p) { return p.lastSnapshotFinished && p.idle(); }
}
