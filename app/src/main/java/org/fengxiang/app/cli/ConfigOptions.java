package org.fengxiang.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Config;
import org.fengxiang.core.Resources;
import picocli.CommandLine.Option;

/** The configuration options every command shares: --config FILE and --set key=value. */
public final class ConfigOptions {
    /** Default configuration files under config/, loaded in this order. */
    static final List<String> DEFAULT_FILES = List.of("fengxiang.yaml", "ingest.yaml", "analytics.yaml",
            "incidents.yaml", "alerting.yaml", "delivery.yaml");

    @Option(names = "--config", paramLabel = "FILE", description = "Extra YAML configuration, overriding the defaults in config/.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one configuration key, e.g. --set analytics.sentiment.model=PATH.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** Loads defaults, then --config files, then --set overrides. */
    public Config load() {
        List<Path> all = new ArrayList<>();
        Path dir = Resources.configDir();
        for (String f : DEFAULT_FILES) {
            if (Files.isRegularFile(dir.resolve(f))) all.add(dir.resolve(f));
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new Config.ConfigException("configuration file not found: " + f);
            all.add(f);
        }
        return Config.load(all, overrides);
    }
}
