package org.fengxiang.alerting.rules;

import java.io.Serializable;
import java.nio.file.Path;
import org.fengxiang.core.Config;
import org.fengxiang.core.Resources;

/**
 * Hot reload of the alert rules ({@code alerting.reload}): the running job's rules are versions in
 * the history file; a watcher adopts a changed, valid {@code alerting.rules} as a new version effective
 * {@link #leadSeconds} after it was noticed.
 */
public class RulesReloadSettings implements Serializable {
    public boolean enabled = true;
    /** How often the watcher re-reads the configuration. */
    public long pollSeconds = 5;
    /** A new version applies to event times from adoption + lead (the job sees it before then). */
    public long leadSeconds = 60;
    /** The versions, one JSON line each; relative to the project home unless absolute. */
    public String history = "var/rules/alerting-history.jsonl";

    public RulesReloadSettings() {}

    /** Binds and validates {@code alerting.reload}. */
    public static RulesReloadSettings from(Config config) {
        RulesReloadSettings s = config.section("alerting.reload", RulesReloadSettings.class);
        if (s.pollSeconds < 1) throw new Config.ConfigException("alerting.reload.pollSeconds must be >= 1");
        if (s.leadSeconds < 2 * s.pollSeconds) {
            throw new Config.ConfigException("alerting.reload.leadSeconds must be >= 2 x pollSeconds");
        }
        if (s.history == null || s.history.isBlank()) throw new Config.ConfigException("alerting.reload.history must be set");
        return s;
    }

    /** The history file. */
    public Path historyPath() {
        Path p = Path.of(history);
        return p.isAbsolute() ? p : Resources.home().resolve(p);
    }
}
