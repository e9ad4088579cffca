package org.fengxiang.app.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Alert;

/** Joins the alert transitions seen in Elasticsearch with the e-mails received and the step whose burst they are about. */
final class AlertTimings {
    private AlertTimings() {}

    static List<AlertTiming> of(List<EsWatcher.AlertSeen> seen, Map<String, Long> mails, Map<String, LoadProducer.Production> steps) {
        List<AlertTiming> out = new ArrayList<>();
        for (EsWatcher.AlertSeen a : seen) {
            String step = "background";
            long burstStart = -1;
            for (var e : steps.entrySet()) {
                if (a.originPostId().equals(e.getValue().burstRootId())) {
                    step = e.getKey();
                    burstStart = e.getValue().burstStartMillis();
                }
            }
            String key = a.id() + "#" + a.sequence();
            out.add(new AlertTiming(key, a.level(), a.status(), step, a.detectedAtMillis(), a.seenMillis(),
                    mails.getOrDefault(key, -1L), burstStart));
        }
        out.sort(Comparator.comparingLong(AlertTiming::searchableMillis));
        return out;
    }

    /** True if each step's burst has at least one confirmed (not early) alert transition whose e-mail was received. */
    static boolean everyBurstMailed(List<AlertTiming> alerts, Collection<String> steps) {
        for (String step : steps) {
            if (alerts.stream().noneMatch(a -> a.step().equals(step) && a.mailed() && !Alert.isEarlyWarning(a.status()))) return false;
        }
        return true;
    }
}
