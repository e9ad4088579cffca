package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Incident;

/**
 * Keyed by incident id: releases each incident's snapshots in event-time order once the watermark
 * passes them. Needed after {@link SameHourFunction}, which is keyed by keyword: an incident whose top
 * keyword changes has consecutive snapshots on different subtasks, which may arrive in either order.
 */
final class InOrderFunction extends OrderedKeyedFunction<Incident, Incident> {
    /** Stable: snapshots with equal event time keep their arrival order. */
    private static final Comparator<Incident> ORDER = Comparator.comparingLong(i -> i.asOf);

    InOrderFunction() {
        super(Incident.class);
    }

    @Override
    long eventTime(Incident i) {
        return i.asOf;
    }

    @Override
    Comparator<Incident> order() {
        return ORDER;
    }

    @Override
    void openState() {}

    @Override
    void release(List<Incident> ready, Context ctx, Collector<Incident> out) {
        for (Incident i : ready) out.collect(i);
    }
}
