package org.fengxiang.alerting.rules;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the alert rules while a job runs: every {@code pollSeconds} it rebinds {@code alerting.rules}
 * (YAML and lexicon) and, when the rules changed and are valid, adopts them as a new version in the
 * {@link RuleHistory}. Invalid rules are refused with one clear log line and the current version stays.
 */
public final class RulesWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    private final Supplier<AlertRulesSettings> rules;
    private final RuleHistory history;
    private final RulesReloadSettings settings;
    private final Clock clock;
    private ScheduledExecutorService timer;
    private String lastRefusal;

    /** {@code rules} binds and validates the rules from the configuration as it is now (throws when invalid). */
    public RulesWatcher(Supplier<AlertRulesSettings> rules, RuleHistory history, RulesReloadSettings settings, Clock clock) {
        this.rules = rules;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks once; returns the adopted version, if the rules changed and are valid. */
    public synchronized Optional<RuleVersion> check() {
        AlertRulesSettings next;
        try {
            next = rules.get();
            next.validate();
            next.version();
        } catch (RuntimeException e) {
            String why = e.getMessage();
            if (!why.equals(lastRefusal)) {
                LOG.error("alert rules refused, the running job keeps its current rules: {}", why);
                lastRefusal = why;
            }
            return Optional.empty();
        }
        lastRefusal = null;
        try {
            Optional<RuleVersion> v = history.adopt(next, clock.instant(), settings.leadSeconds * 1000);
            v.ifPresent(x -> LOG.info("alert rules version {} adopted, effective for event times from {}", x.version,
                    x.effectiveFrom == Long.MIN_VALUE ? "the beginning" : java.time.Instant.ofEpochMilli(x.effectiveFrom)));
            return v;
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("alert rule history {} not updated: {}", history.file(), e.toString());
            return Optional.empty();
        }
    }

    /** Starts polling in a daemon thread; returns this. */
    public synchronized RulesWatcher start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-rules-watcher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, settings.pollSeconds, settings.pollSeconds, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (timer == null) return;
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        timer = null;
    }
}
