package org.fengxiang.app.job;

import java.util.List;
import org.fengxiang.alerting.rules.AlertProcessor;
import org.fengxiang.alerting.rules.AlertRulesSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;

/** Drives {@link AlertProcessor}: one alert thread per incident, transitions emitted as snapshots arrive. */
final class AlertDriver implements TickedDetector<AlertProcessor, Incident, Alert> {
    private final AlertRulesSettings settings;

    AlertDriver(AlertRulesSettings settings) {
        this.settings = settings;
    }

    @Override public Class<AlertProcessor> stateType() { return AlertProcessor.class; }
    @Override public AlertProcessor create(String key) { return new AlertProcessor(settings); }
    @Override public AlertProcessor attach(AlertProcessor p) { return p.withSettings(settings); }

    @Override
    public List<Alert> onInput(AlertProcessor p, Incident snapshot) {
        List<Alert> out = p.onSnapshot(snapshot);
        p.lastSnapshotFinished = snapshot.finished;
        return out;
    }

    @Override public long nextTimer(AlertProcessor p) { return -1; }
    @Override public List<Alert> onTimer(AlertProcessor p, long time) { return List.of(); }
    @Override public boolean finished(AlertProcessor p) { return p.lastSnapshotFinished && p.idle(); }
}
