package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.alerting.rules.SameHourBaseline;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;

/**
 * Thin Flink adapter around {@link SameHourBaseline}, keyed by keyword: counts every post's keywords
 * in event time and annotates each incident snapshot (keyed by its top keyword) with the keyword's
 * posts in the last 60 minutes and the same 60 minutes on previous days. Snapshots are held until the
 * watermark passes them, so every post up to the snapshot is counted: deterministic, like the rest.
 */
final class SameHourFunction extends KeyedCoProcessFunction<String, KeywordHit, Incident, Incident> {
    private static final Comparator<Incident> ORDER = Comparator.<Incident>comparingLong(i -> i.asOf).thenComparing(i -> i.id);
    private transient ValueState<SameHourBaseline> counts;
    private transient EventTimeBuffer<Incident> pending;

    /**
     * Snapshots annotated with the same-hour figures of their top keyword (unchanged when they have
     * none), back in event-time order per incident.
     */
    static DataStream<Incident> annotate(DataStream<Post> posts, DataStream<Incident> incidents) {
        DataStream<KeywordHit> hits = posts.flatMap((Post p, Collector<KeywordHit> out) -> {
            if (p.keywords == null) return;
            for (String k : new java.util.LinkedHashSet<>(p.keywords)) if (k != null && !k.isBlank()) out.collect(new KeywordHit(k, p.eventTime));
        }).returns(TypeInformation.of(KeywordHit.class)).name("keyword-hits");
        return hits.keyBy(h -> h.keyword, Types.STRING)
                .connect(incidents.keyBy(SameHourFunction::topKeyword, Types.STRING))
                .process(new SameHourFunction()).returns(TypeInformation.of(Incident.class))
                .name("same-hour-baseline").uid("same-hour-baseline")
                .keyBy(i -> i.id, Types.STRING)
                .transform("incident-order", TypeInformation.of(Incident.class), new OrderedProcessOperator<>(new InOrderFunction()))
                .uid("incident-order");
    }

    static String topKeyword(Incident i) {
        return i.keywords == null || i.keywords.isEmpty() || i.keywords.get(0) == null ? "" : i.keywords.get(0);
    }

    @Override
    public void open(OpenContext ctx) {
        counts = getRuntimeContext().getState(new ValueStateDescriptor<>("counts", CodecTypeInfo.json(SameHourBaseline.class)));
        pending = EventTimeBuffer.open(getRuntimeContext(), "pending-by-time", Incident.class);
    }

    @Override
    public void processElement1(KeywordHit hit, Context ctx, Collector<Incident> out) throws Exception {
        long wm = ctx.timerService().currentWatermark();
        if (hit.eventTime <= wm) return; // late: incident detection dead-letters it too
        SameHourBaseline b = counts.value();
        if (b == null) b = new SameHourBaseline();
        b.add(hit.eventTime);
        counts.update(b);
        // one cleanup timer per keyword and hour: the state goes once no snapshot can need it
        long hour = Math.floorDiv(hit.eventTime, 3_600_000L) * 3_600_000L;
        ctx.timerService().registerEventTimeTimer(hour + (SameHourBaseline.MAX_DAYS + 2) * 86_400_000L);
    }

    @Override
    public void processElement2(Incident inc, Context ctx, Collector<Incident> out) throws Exception {
        if (ctx.getCurrentKey().isEmpty() || !pending.hold(inc, inc.asOf, ctx.timerService())) {
            out.collect(annotated(inc));
        }
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Incident> out) throws Exception {
        for (Incident inc : pending.take(time, ORDER)) out.collect(annotated(inc));
        SameHourBaseline b = counts.value();
        if (b == null) return;
        // by the timer's time, not the watermark: at the end of a bounded input the watermark jumps to the
        // end of time while the timers of the snapshots still pending fire one after another
        b.prune(time);
        if (b.empty()) counts.clear();
        else counts.update(b);
    }

    private Incident annotated(Incident inc) throws Exception {
        SameHourBaseline b = counts.value();
        if (b == null || topKeyword(inc).isEmpty()) return inc;
        inc.sameHourKeyword = topKeyword(inc);
        inc.sameHourPosts = b.lastHour(inc.asOf);
        inc.sameHourPrevious = new java.util.ArrayList<>(b.previousDays(inc.asOf, SameHourBaseline.MAX_DAYS));
        return inc;
    }
}
