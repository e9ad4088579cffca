package org.fengxiang.alerting.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules read from a {@link RuleHistory}, chosen by event time. The history is re-read only when an
 * input's event time reaches {@code lastRead + lead} (wall clock): a version adopted after the last
 * read is effective from its adoption + lead at the earliest, so for every earlier event time the
 * cached view is already complete and the choice is the same as in a rerun (the read time is taken
 * {@link #WRITE_SLACK_MS} early to cover an append still under way). The wall clock thus only decides
 * when to look at the file, never which rules apply.
 */
public final class HistoryRules implements RuleSource {
    /** Allowance for the time between the adopter reading its clock and its append becoming visible. */
    static final long WRITE_SLACK_MS = 1_000;
    private final String file;
    private final long leadMillis;
    private transient List<Long> froms;
    private transient List<AlertRulesSettings> rules;
    private transient long readAt;
    /** Size of the history file when last parsed: an unchanged file (append-only) is not parsed again. */
    private transient long parsedSize = -1;

    public HistoryRules(Path file, long leadMillis) {
        this.file = file.toAbsolutePath().toString();
        this.leadMillis = leadMillis;
    }

    /** For a rerun: the whole history at once, never re-read. */
    public static HistoryRules frozen(Path file) {
        return new HistoryRules(file, Long.MAX_VALUE / 4);
    }

    @Override
    public synchronized AlertRulesSettings at(long eventTime) {
        if (rules == null || eventTime >= readAt + leadMillis) load();
        for (int i = froms.size() - 1; i >= 0; i--) {
            if (froms.get(i) <= eventTime) return rules.get(i);
        }
        throw new IllegalStateException("no alert rule version covers event time " + eventTime + " in " + file);
    }

    private void load() {
        long now = System.currentTimeMillis() - WRITE_SLACK_MS;
        List<RuleVersion> all;
        try {
            long size = Files.size(Path.of(file));
            if (rules != null && size == parsedSize) {
                readAt = now;
                return;
            }
            parsedSize = size;
            all = new RuleHistory(Path.of(file)).read();
        } catch (IOException e) {
            throw new UncheckedIOException("alert rule history " + file + ": " + e.getMessage(), e);
        }
        if (all.isEmpty()) throw new IllegalStateException("alert rule history " + file + " is empty");
        if (rules != null && all.size() == rules.size()) {
            readAt = now;
            return;
        }
        List<Long> f = new ArrayList<>();
        List<AlertRulesSettings> r = new ArrayList<>();
        for (RuleVersion v : all) {
            f.add(v.effectiveFrom);
            r.add(v.settings());
        }
        froms = f;
        rules = r;
        readAt = now;
    }
}
