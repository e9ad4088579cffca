package org.fengxiang.app.job;

import org.fengxiang.alerting.rules.AlertProcessor;
import org.fengxiang.alerting.rules.AlertRulesSettings;
import org.fengxiang.alerting.rules.RuleSource;
import org.fengxiang.analytics.enrich.AnalyticsSettings;
import org.fengxiang.analytics.enrich.PostEnricher;
import org.fengxiang.analytics.incident.IncidentProcessor;
import org.fengxiang.analytics.incident.IncidentSettings;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.core.Config;

/** The default building blocks of the job, bound and validated from the configuration. */
public record Components(Enrichment.Factory enrichment, PipelineJob.Detection detection, PipelineSettings pipeline) {

    /** Binds every section the job needs; configuration errors surface here, before the job starts. */
    public static Components from(Config config) {
        AnalyticsSettings analytics = AnalyticsSettings.from(config);
        IncidentSettings incidentSettings = IncidentSettings.from(config);
        IncidentDriver incidents = new IncidentDriver(incidentSettings);
        AlertRulesSettings rules = AlertRulesSettings.from(config);
        AlertDriver alerts = new AlertDriver(rules);
        PipelineSettings pipeline = config.section("pipeline", PipelineSettings.class);
        pipeline.dedupTtlHours = analytics.dedup.ttlHours;
        pipeline.maxHamming = analytics.dedup.maxHamming;
        // a cascade's speculative state lives for two windows after its last post: enough to judge a burst
        EarlyWarnings<IncidentProcessor, AlertProcessor> early = new EarlyWarnings<>(incidents, alerts,
                incidentSettings.tickMillis, rules.minPosts, 2L * incidentSettings.windowMinutes * incidentSettings.tickMillis,
                pipeline.earlyAlertsCheckSeconds * 1000);
        return new Components(new Enricher(analytics),
                new PipelineJob.Detection(incidents, LinkSettings.from(config), incidents, alerts, early), pipeline);
    }

    /** The same components with the alert rules taken from a rule source (hot reload, reruns of a live run). */
    public Components withAlertRules(RuleSource rules) {
        AlertDriver alerts = new AlertDriver(rules);
        return new Components(enrichment, new PipelineJob.Detection(detection.keys(), detection.linking(), detection.incidents(),
                alerts, detection.early() == null ? null : detection.early().withAlerts(alerts)),
                pipeline);
    }

    /** Creates the HanLP-based enricher on the task (dictionaries and model load once per JVM). */
    record Enricher(AnalyticsSettings settings) implements Enrichment.Factory {
        @Override
        public Enrichment create() {
            PostEnricher e = PostEnricher.create(settings);
            return e::enrich;
        }
    }
}
