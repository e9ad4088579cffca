package org.fengxiang.alerting.es;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;

/**
 * Alerts, in two shapes: the latest state per alert ({@link #latest}, {@code _id} = alert id,
 * versioned by {@code 2·sequence} so an older transition never overwrites a newer one) and the
 * history, one document per transition ({@link #transitions}, {@code _id} = {@code id#sequence}).
 * Both are plain full-document writes with deterministic ids: re-delivery is idempotent.
 */
public final class AlertMapper implements DocumentMapper<Alert> {
    private final EsIndices names;
    private final boolean history;

    private AlertMapper(EsIndices names, boolean history) {
        this.names = names;
        this.history = history;
    }

    /** Latest state into {@code <prefix>-alerts-v1}. */
    public static AlertMapper latest(EsIndices names) {
        return new AlertMapper(names, false);
    }

    /** One document per transition into {@code <prefix>-alert-transitions-v1}. */
    public static AlertMapper transitions(EsIndices names) {
        return new AlertMapper(names, true);
    }

    /** The transition id {@code alertId#sequence}. */
    public static String transitionId(Alert a) {
        return a.id + "#" + a.sequence;
    }

    @Override
    public String index(Alert a) {
        return history ? names.alertTransitionsIndex() : names.alertsIndex();
    }

    @Override
    public String id(Alert a) {
        return history ? transitionId(a) : a.id;
    }

    @Override
    public String source(Alert a) {
        ObjectNode n = Json.mapper().valueToTree(a);
        n.put("transitionId", transitionId(a));
        n.put("levelRank", Alert.rank(a.level));
        // an early warning is a single notice, not a thread: the confirmed alert carries the open/closed state
        n.put("open", !"closed".equals(a.status) && !Alert.isEarlyWarning(a.status));
        return Json.write(n);
    }

    /**
     * Even external versions, so an acknowledgement mark (written one above, see
     * {@code org.fengxiang.alerting.ack.EsAckMarker}) survives replays: latest state {@code 2·sequence}
     * (a replay of the same transition is stale once it is marked, the next transition still wins);
     * history {@code 2} (replays overwrite an unmarked transition with the same content).
     */
    @Override
    public long version(Alert a) {
        return history ? 2 : 2L * a.sequence;
    }
}
