package org.fengxiang.alerting.es;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;

/**
 * The latest incident snapshot, {@code _id} = incident id, versioned by its event time {@code asOf};
 * the source repeats the id as {@code incidentId} so one Kibana query filters posts, incidents and alerts.
 */
public final class IncidentMapper implements DocumentMapper<Incident> {
    private final EsIndices names;

    public IncidentMapper(EsIndices names) {
        this.names = names;
    }

    @Override
    public String index(Incident i) {
        return names.incidentsIndex();
    }

    @Override
    public String id(Incident i) {
        return i.id;
    }

    @Override
    public String source(Incident i) {
        ObjectNode n = Json.mapper().valueToTree(i);
        n.put("incidentId", i.id);
        long total = i.negative + i.neutral + i.positive;
        n.put("negativeShare", total == 0 ? 0.0 : (double) i.negative / total);
        return Json.write(n);
    }

    @Override
    public long version(Incident i) {
        return Math.max(i.asOf, i.lastSeenMillis);
    }
}
