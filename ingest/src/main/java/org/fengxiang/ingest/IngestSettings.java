package org.fengxiang.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fengxiang.ingest.crawl.CrawlerSettings;

/** Typed settings of the {@code ingest} configuration section ({@code config/ingest.yaml}). */
public class IngestSettings {
    /** Kafka topic posts are published to. */
    public String topic = "posts";
    /** Extra Kafka producer properties (e.g. {@code security.protocol}); secrets belong in the environment. */
    public Map<String, Object> producer = new LinkedHashMap<>();
    /** Crawler behaviour. */
    public CrawlerSettings crawler = new CrawlerSettings();
}
