package org.fengxiang.alerting.rules;

import java.util.Locale;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Spreader;

/**
 * Evaluates the configured rules on an incident snapshot. Trigger rules (spike against the incident's
 * own baseline, volume against the whole-stream expectation, growth) decide whether an incident
 * deserves an alert at all; the volume ladder gives the base grade; boosters (negativity, watched
 * keywords, influential authors, watched accounts, mobilisation) raise it by one step each, at most
 * {@code maxBoost}.
 */
final class RuleEngine {
    static final String SPIKE = "volume-spike";
    static final String STREAM = "stream-volume";
    static final String GROWTH = "growth";
    static final String VOLUME = "volume";
    static final String NEGATIVITY = "negativity";
    static final String KEYWORDS = "keywords";
    static final String INFLUENCERS = "influencers";
    static final String MOBILISATION = "mobilisation";
    static final String ACCOUNTS = "watched-account";

    private final AlertRulesSettings s;

    RuleEngine(AlertRulesSettings s) {
        this.s = s;
    }

    Evaluation evaluate(Incident i) {
        Evaluation e = new Evaluation();
        if (i.postCount < s.minPosts) return e;
        e.volumeLevel = volumeLevel(i.postCount);
        e.reasons.add(fmt("volume: %d posts (grade %s at >= %d)", i.postCount, Grades.name(e.volumeLevel),
                threshold(e.volumeLevel)));
        triggers(i, e);
        boosters(i, e);
        e.level = Math.min(4, e.volumeLevel + Math.min(s.maxBoost, e.boosters.size()));
        return e;
    }

    private void triggers(Incident i, Evaluation e) {
        if (s.spike.enabled && i.windowCount >= s.spike.minWindowPosts) {
            boolean sigma = i.burst >= s.spike.z;
            String sameHour = sameHour(i);
            boolean ratio = sameHourFires(i);
            if (sigma || ratio) {
                String own = fmt("%d posts in the last %d min vs own baseline %.2f/h (z=%.1f%s)", i.windowCount, i.windowMinutes,
                        i.baselinePerHour, i.burst, sigma ? fmt(" >= %.1f", s.spike.z) : "");
                fire(e, SPIKE, "volume-spike: " + own + (sameHour == null ? "" : "; " + sameHour));
            }
        }
        if (s.stream.enabled) {
            double ageHours = Math.max(s.stream.minAgeMinutes, (i.asOf - i.firstSeenMillis) / 60_000.0) / 60.0;
            // Null model: each of the incident's cascades is an ordinary post (text linking may have merged several).
            long cascades = Math.max(1, i.cascades);
            double mu = cascades * s.stream.expectedPerHour * ageHours + (cascades - 1);
            double z = (i.postCount - mu) / Math.sqrt(mu);
            if (z >= s.stream.z) {
                fire(e, STREAM, fmt("stream-volume: %d posts in %.1f h vs %.1f expected for %s (z=%.1f >= %.1f)",
                        i.postCount, ageHours, mu, cascades == 1 ? "an ordinary post" : cascades + " ordinary posts", z, s.stream.z));
            }
        }
        if (s.growth.enabled && i.growth >= s.growth.ratio && i.windowCount >= s.growth.minWindowPosts) {
            fire(e, GROWTH, fmt("growth: x%.1f window over window (>= %.1f) with %d posts in the last %d min",
                    i.growth, s.growth.ratio, i.windowCount, i.windowMinutes));
        }
    }

    /** The same-hour figure of the incident's top keyword, or null when no previous day was observed. */
    private String sameHour(Incident i) {
        AlertRulesSettings.SameHour sh = s.spike.sameHour;
        if (!sh.enabled || i.sameHourKeyword == null || i.sameHourPrevious == null || i.sameHourPrevious.isEmpty()) return null;
        int days = Math.min(sh.days, i.sameHourPrevious.size());
        double mean = SameHourBaseline.mean(i.sameHourPrevious, sh.days);
        double r = SameHourBaseline.ratio(i.sameHourPosts, mean);
        String base = fmt("keyword '%s': %d posts in the last 60 min, x%.1f the same hour on the previous %d days (mean %.1f",
                i.sameHourKeyword, i.sameHourPosts, r, days, mean);
        return base + (sameHourFires(i) ? fmt(", >= x%.1f)", sh.ratio) : ")");
    }

    private boolean sameHourFires(Incident i) {
        AlertRulesSettings.SameHour sh = s.spike.sameHour;
        if (!sh.enabled || i.sameHourPrevious == null || i.sameHourPrevious.size() < sh.minDays || i.sameHourPosts < sh.minPosts) {
            return false;
        }
        return SameHourBaseline.ratio(i.sameHourPosts, SameHourBaseline.mean(i.sameHourPrevious, sh.days)) >= sh.ratio;
    }

    private static void fire(Evaluation e, String rule, String reason) {
        if (!e.triggered) e.trigger = rule;
        e.triggered = true;
        e.triggers.add(rule);
        e.reasons.add(reason);
    }

    private void boosters(Incident i, Evaluation e) {
        long labelled = i.negative + i.neutral + i.positive;
        if (s.negativity.enabled && i.negative >= s.negativity.minNegative && labelled > 0
                && (double) i.negative / labelled >= s.negativity.share) {
            boost(e, NEGATIVITY, fmt("negativity: %d of %d scored posts negative (%.0f%% >= %.0f%%)",
                    i.negative, labelled, 100.0 * i.negative / labelled, 100 * s.negativity.share));
        }
        if (s.keywords.enabled) {
            String hit = watchedHit(i);
            if (hit != null) boost(e, KEYWORDS, "keywords: watched term '" + hit + "'");
        }
        if (s.influencers.enabled) {
            Spreader top = i.influencers == null || i.influencers.isEmpty() ? null : i.influencers.get(0);
            if (top != null && top.reach >= s.influencers.followers) {
                boost(e, INFLUENCERS, fmt("influencers: post %s by an author with %d followers (>= %d)",
                        top.postId, top.reach, s.influencers.followers));
            } else if (s.influencers.verified && i.verifiedPosts > 0) {
                boost(e, INFLUENCERS, fmt("influencers: %d posts by verified authors", i.verifiedPosts));
            }
        }
        if (s.accounts.enabled && !s.accounts.ids.isEmpty()) {
            String hit = watchedAccount(i);
            if (hit != null) boost(e, ACCOUNTS, "watched-account: " + hit);
        }
        if (s.mobilisation.enabled && i.mobilisation) {
            boost(e, MOBILISATION, fmt("mobilisation: %d posts call to gather or act", i.mobilisationPosts));
        }
    }

    private static void boost(Evaluation e, String rule, String reason) {
        e.boosters.add(rule);
        e.reasons.add(reason);
    }

    private String watchedHit(Incident i) {
        for (String t : s.watchedTerms()) {
            if (i.title != null && i.title.contains(t)) return t;
            if (i.keywords != null) {
                for (String k : i.keywords) {
                    if (k != null && k.contains(t)) return t;
                }
            }
        }
        return null;
    }

    private String watchedAccount(Incident i) {
        if (i.originAuthorId != null && s.accounts.ids.contains(i.originAuthorId)) {
            return "origin post " + i.originPostId + " by watched account " + i.originAuthorId;
        }
        for (java.util.List<Spreader> l : java.util.Arrays.asList(i.topSpreaders, i.influencers)) {
            if (l == null) continue;
            for (Spreader sp : l) {
                if (sp.authorId != null && s.accounts.ids.contains(sp.authorId)) {
                    return "post " + sp.postId + " by watched account " + sp.authorId;
                }
            }
        }
        return null;
    }

    int volumeLevel(long posts) {
        if (posts >= s.levels.red) return 4;
        if (posts >= s.levels.orange) return 3;
        if (posts >= s.levels.yellow) return 2;
        return posts >= s.levels.blue ? 1 : 0;
    }

    private long threshold(int level) {
        return switch (level) {
            case 4 -> s.levels.red;
            case 3 -> s.levels.orange;
            case 2 -> s.levels.yellow;
            default -> s.levels.blue;
        };
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
