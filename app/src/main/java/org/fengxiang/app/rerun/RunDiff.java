package org.fengxiang.app.rerun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fengxiang.core.Alert;

/**
 * Compares the alerts of two runs incident by incident: which incidents were alerted only in one run,
 * and for those alerted in both, whether the first alert came earlier or later and at which grade.
 */
public final class RunDiff {
    /** The first alert of an incident in each run (either may be null). */
    public record Change(String incidentId, Alert a, Alert b) {
        /** appeared | vanished | earlier | later | same. */
        public String kind() {
            if (a == null) return "appeared";
            if (b == null) return "vanished";
            if (b.detectedAtMillis < a.detectedAtMillis) return "earlier";
            if (b.detectedAtMillis > a.detectedAtMillis) return "later";
            return "same";
        }

        /** B's first alert minus A's, in seconds (0 unless both exist). */
        public long deltaSeconds() {
            return a == null || b == null ? 0 : (b.detectedAtMillis - a.detectedAtMillis) / 1000;
        }

        /** The highest grades seen in each run, as "a→b". */
        public String levels(List<Alert> allA, List<Alert> allB) {
            return max(allA, incidentId) + "→" + max(allB, incidentId);
        }
    }

    private RunDiff() {}

    /** Changes between run A and run B, ordered by incident id. */
    public static List<Change> diff(List<Alert> runA, List<Alert> runB) {
        Map<String, Alert> firstA = firstPerIncident(runA);
        Map<String, Alert> firstB = firstPerIncident(runB);
        TreeMap<String, Change> out = new TreeMap<>();
        firstA.forEach((id, a) -> out.put(id, new Change(id, a, firstB.get(id))));
        firstB.forEach((id, b) -> out.putIfAbsent(id, new Change(id, null, b)));
        return new ArrayList<>(out.values());
    }

    static Map<String, Alert> firstPerIncident(List<Alert> alerts) {
        Map<String, Alert> first = new TreeMap<>();
        Comparator<Alert> order = Comparator.comparingLong((Alert x) -> x.detectedAtMillis).thenComparingInt(x -> x.sequence);
        for (Alert a : alerts) first.merge(a.incidentId, a, (x, y) -> order.compare(x, y) <= 0 ? x : y);
        return first;
    }

    static String max(List<Alert> alerts, String incidentId) {
        return alerts.stream().filter(a -> incidentId.equals(a.incidentId)).map(a -> a.level)
                .max(Comparator.comparingInt(Alert::rank)).orElse("-");
    }
}
