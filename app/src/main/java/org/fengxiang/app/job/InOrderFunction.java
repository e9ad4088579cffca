package org.fengxiang.app.job;

import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Incident;

/**
 * Keyed by incident id: releases each incident's snapshots in event-time order once the watermark
 * passes them. Needed after {@link SameHourFunction}, which is keyed by keyword: an incident whose top
 * keyword changes has consecutive snapshots on different subtasks, which may arrive in either order.
 */
final class InOrderFunction extends KeyedProcessFunction<String, Incident, Incident> {
    /** Stable: snapshots with equal event time keep their arrival order. */
    private static final Comparator<Incident> ORDER = Comparator.comparingLong(i -> i.asOf);
    private transient ListState<Incident> pending;

    @Override
    public void open(OpenContext ctx) {
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", TypeInformation.of(Incident.class)));
    }

    @Override
    public void processElement(Incident inc, Context ctx, Collector<Incident> out) throws Exception {
        if (!EventTimeBuffer.hold(pending, inc, inc.asOf, ctx.timerService())) out.collect(inc);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Incident> out) throws Exception {
        for (Incident inc : EventTimeBuffer.takeReady(pending, time, i -> i.asOf, ORDER)) out.collect(inc);
    }
}
