package org.fengxiang.alerting.es;

import java.io.Serializable;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the Fengxiang indices and aliases for one prefix. Posts live in monthly indices
 * {@code <prefix>-posts-YYYY.MM} (UTC month of {@code publishedAt}) behind the alias {@code <prefix>-posts};
 * the other kinds live in one versioned index each ({@code -v1}) behind their alias.
 */
public final class EsIndices implements Serializable {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");
    private final String prefix;

    public EsIndices(String prefix) {
        if (prefix == null || !prefix.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("bad index prefix: " + prefix);
        }
        this.prefix = prefix;
    }

    /** Names for the prefix of the settings. */
    public static EsIndices of(EsSettings s) {
        return new EsIndices(s.indexPrefix);
    }

    public String prefix() {
        return prefix;
    }

    public String postsAlias() {
        return prefix + "-posts";
    }

    /** The monthly posts index holding a post published at the given epoch milliseconds. */
    public String postsIndex(long publishedAtMillis) {
        return postsAlias() + "-" + MONTH.format(Instant.ofEpochMilli(publishedAtMillis).atOffset(ZoneOffset.UTC));
    }

    /** The month a posts index covers, if the name is a posts index of this prefix. */
    public Optional<YearMonth> postsIndexMonth(String index) {
        Matcher m = Pattern.compile(Pattern.quote(postsAlias() + "-") + "(\\d{4})\\.(\\d{2})").matcher(index);
        if (!m.matches()) return Optional.empty();
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) return Optional.empty();
        return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
    }

    public String incidentsAlias() {
        return prefix + "-incidents";
    }

    public String incidentsIndex() {
        return incidentsAlias() + "-v1";
    }

    public String alertsAlias() {
        return prefix + "-alerts";
    }

    public String alertsIndex() {
        return alertsAlias() + "-v1";
    }

    public String alertTransitionsAlias() {
        return prefix + "-alert-transitions";
    }

    public String alertTransitionsIndex() {
        return alertTransitionsAlias() + "-v1";
    }

    /** The e-mail delivery ledger index (no alias). */
    public String mailLedger() {
        return prefix + "-mail-ledger";
    }
}
