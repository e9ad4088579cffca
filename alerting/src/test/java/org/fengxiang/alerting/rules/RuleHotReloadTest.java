package org.fengxiang.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versioned alert rules: adoption, refusal of invalid files, choice by event time, reruns that reproduce. */
class RuleHotReloadTest {
    @TempDir Path tmp;

    static final String RULES = """
            alerting:
              rules:
                minPosts: %d
                keywords: {lexicon: ""}
            """;

    AlertRulesSettings fromFile(Path yaml) {
        return AlertRulesSettings.from(Config.load(List.of(yaml), Map.of()));
    }

    @Test
    void aChangedValidFileBecomesANewVersionAndAnInvalidOneIsRefused() throws Exception {
        Path yaml = tmp.resolve("alerting.yaml");
        Files.writeString(yaml, RULES.formatted(40));
        RulesReloadSettings reload = new RulesReloadSettings();
        RuleHistory history = new RuleHistory(tmp.resolve("history.jsonl"));
        Instant now = Instant.parse("2026-11-20T06:00:00Z");
        RulesWatcher w = new RulesWatcher(() -> fromFile(yaml), history, reload, Clock.fixed(now, ZoneOffset.UTC));
        RuleVersion first = w.check().orElseThrow();
        assertThat(first.effectiveFrom).isEqualTo(Long.MIN_VALUE);
        assertThat(w.check()).isEmpty(); // unchanged
        Files.writeString(yaml, RULES.formatted(80));
        RuleVersion second = w.check().orElseThrow();
        assertThat(second.effectiveFrom).isEqualTo(now.toEpochMilli() + 60_000);
        assertThat(second.version).isNotEqualTo(first.version).hasSize(12);
        assertThat(second.rules.minPosts).isEqualTo(80);
        for (String bad : List.of(RULES.formatted(0), "alerting:\n  rules:\n    minPostz: 3\n", "alerting: [unclosed\n")) {
            Files.writeString(yaml, bad);
            assertThat(w.check()).as(bad).isEmpty();
        }
        assertThat(history.read()).extracting(v -> v.version).containsExactly(first.version, second.version);
        Files.writeString(yaml, RULES.formatted(80));
        assertThat(w.check()).isEmpty(); // back to the version in force: nothing new
    }

    @Test
    void theJobSeesANewVersionWithoutRestartAndAppliesItByEventTime() throws Exception {
        RuleHistory history = new RuleHistory(tmp.resolve("history.jsonl"));
        AlertRulesSettings loose = AlertProcessorTest.settings();
        Instant now = Instant.now();
        history.adopt(loose, now, 0);
        HistoryRules rules = new HistoryRules(history.file(), 60_000);
        long t = now.toEpochMilli();
        assertThat(rules.at(t).minPosts).isEqualTo(40);
        AlertRulesSettings strict = AlertProcessorTest.settings();
        strict.minPosts = 100;
        RuleVersion v2 = history.adopt(strict, Instant.now(), 60_000).orElseThrow();
        // event times before the new version keep the old rules; from its start the same instance applies the new ones
        assertThat(rules.at(v2.effectiveFrom - 1).minPosts).isEqualTo(40);
        assertThat(rules.at(v2.effectiveFrom).minPosts).isEqualTo(100);
        assertThat(rules.at(t).minPosts).isEqualTo(40);
    }

    @Test
    void transitionsRecordTheirRulesVersionAndARerunOverTheHistoryReproducesThem() throws Exception {
        RuleHistory history = new RuleHistory(tmp.resolve("history.jsonl"));
        AlertRulesSettings v1 = AlertProcessorTest.settings();
        AlertRulesSettings v2 = AlertProcessorTest.settings();
        v2.levels.yellow = 60; // the same incident grades yellow under v2
        history.adopt(v1, Instant.ofEpochMilli(AlertProcessorTest.T0), 0);
        RuleVersion second = history.adopt(v2, Instant.ofEpochMilli(AlertProcessorTest.T0 + 30 * AlertProcessorTest.MIN), 0).orElseThrow();
        List<Alert> live = run(new HistoryRules(history.file(), 60_000));
        List<Alert> rerun = run(HistoryRules.frozen(history.file()));
        assertThat(live).extracting(a -> a.sequence + " " + a.status + " " + a.level + " " + a.rulesVersion)
                .containsExactly("1 open blue " + v1.version(), "2 escalated yellow " + second.version);
        assertThat(rerun).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(live);
        // with fixed rules the version is the rules' content hash, equal to the history's for equal rules
        assertThat(run(RuleSource.fixed(AlertProcessorTest.settings()))).first()
                .satisfies(a -> assertThat(a.rulesVersion).isEqualTo(v1.version()));
    }

    private static List<Alert> run(RuleSource rules) {
        AlertProcessor p = new AlertProcessor();
        List<Alert> out = new ArrayList<>();
        for (var inc : List.of(AlertProcessorTest.snap(10, 45, 30, 12, "forming"),
                AlertProcessorTest.snap(20, 70, 30, 12, "outbreak"), AlertProcessorTest.snap(45, 70, 30, 12, "outbreak"))) {
            out.addAll(p.withSettings(rules.at(inc.asOf)).onSnapshot(inc));
        }
        return out;
    }
}
