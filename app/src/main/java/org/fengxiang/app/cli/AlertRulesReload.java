package org.fengxiang.app.cli;

import java.nio.file.Files;
import java.time.Clock;
import org.fengxiang.alerting.rules.AlertRulesSettings;
import org.fengxiang.alerting.rules.HistoryRules;
import org.fengxiang.alerting.rules.RuleHistory;
import org.fengxiang.alerting.rules.RulesReloadSettings;
import org.fengxiang.alerting.rules.RulesWatcher;
import org.fengxiang.app.job.Components;
import org.fengxiang.core.Config;

/** Wires alert-rule hot reload into the commands: the live run adopts and watches, reruns replay the history. */
final class AlertRulesReload {
    private AlertRulesReload() {}

    /** The components of a live run and the watcher to close when it ends (null when reload is off). */
    record Live(Components components, RulesWatcher watcher) {}

    /** A live run: adopts the current rules, then the job reads the versioned history while a watcher adopts changes. */
    static Live live(Components components, Config cfg, ConfigOptions options) throws Exception {
        RulesReloadSettings reload = RulesReloadSettings.from(cfg);
        if (!reload.enabled) return new Live(components, null);
        RuleHistory history = new RuleHistory(reload.historyPath());
        history.adopt(AlertRulesSettings.from(cfg), Clock.systemUTC().instant(), 0);
        Components c = components.withAlertRules(new HistoryRules(reload.historyPath(), reload.leadSeconds * 1000));
        System.out.println("alert rules: version " + history.latest().orElseThrow().version + ", reloaded from the configuration every "
                + reload.pollSeconds + " s (history " + reload.historyPath() + ")");
        return new Live(c, new RulesWatcher(() -> AlertRulesSettings.from(options.load()), history, reload, Clock.systemUTC()).start());
    }

    /** A rerun: the rule versions the live job applied, when a history exists and {@code useHistory}. */
    static Components rerun(Components components, Config cfg, boolean useHistory) {
        RulesReloadSettings reload = RulesReloadSettings.from(cfg);
        if (!useHistory || !Files.isRegularFile(reload.historyPath())) return components;
        System.out.println("alert rules: the versions recorded in " + reload.historyPath() + " (--rules config to use the configuration)");
        return components.withAlertRules(HistoryRules.frozen(reload.historyPath()));
    }
}
