package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fengxiang.alerting.rules.AlertRulesSettings;
import org.fengxiang.alerting.rules.HistoryRules;
import org.fengxiang.alerting.rules.RuleHistory;
import org.fengxiang.alerting.rules.RuleVersion;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Config;
import org.fengxiang.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job graph over a rule history with two versions: each transition is judged by the version
 * in force at its event time and records it, the same at parallelism 1 and 2 (what a rerun of a live
 * run with a hot reload in the middle does).
 */
class AlertRuleVersionsJobTest {
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 5, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    @TempDir Path tmp;

    @Test
    void transitionsFollowTheRuleVersionInForceAtTheirEventTime() throws Exception {
        Path input = tmp.resolve("posts.jsonl");
        List<String> lines = new ArrayList<>();
        lines.add(post("rv:0", T0, null, "u0", "临江化工厂今晨排放刺鼻气体，周边居民头晕呕吐，要求彻查！"));
        for (int i = 1; i <= 120; i++) lines.add(post("rv:" + i, T0.plusSeconds(15L * i), "rv:0", "u" + i, "太可怕了 #临江化工厂#"));
        Files.write(input, lines);
        Components base = Components.from(Config.empty());
        AlertRulesSettings v1 = AlertRulesSettings.from(Config.empty());
        AlertRulesSettings v2 = AlertRulesSettings.from(Config.empty().with(Map.of("alerting.rules.levels.yellow", "60")));
        RuleHistory history = new RuleHistory(tmp.resolve("history.jsonl"));
        history.adopt(v1, Instant.EPOCH, 0);
        long switchAt = T0.plusMinutes(20).toInstant().toEpochMilli();
        RuleVersion second = history.adopt(v2, Instant.ofEpochMilli(switchAt), 0).orElseThrow();
        Components c = base.withAlertRules(HistoryRules.frozen(history.file()));
        List<String> p1 = run(c, input, 1);
        List<String> p2 = run(c, input, 2);
        assertThat(p2).isEqualTo(p1);
        List<Alert> alerts = p1.stream().map(l -> Json.read(l, Alert.class)).toList();
        assertThat(alerts).isNotEmpty().allSatisfy(a -> assertThat(a.rulesVersion)
                .isEqualTo(a.detectedAtMillis < switchAt ? v1.version() : second.version));
        assertThat(alerts).anySatisfy(a -> assertThat(a.rulesVersion).isEqualTo(v1.version()));
        // 121 posts never reach yellow under v1 (200); under v2 (60) the same thread escalates
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.rulesVersion).isEqualTo(second.version);
            assertThat(a.level).isEqualTo(Alert.YELLOW);
        });
    }

    private List<String> run(Components c, Path input, int parallelism) throws Exception {
        Path out = tmp.resolve("out-" + parallelism);
        OfflineRun.run(List.of(input), out, parallelism, c.enrichment(), c.detection(), c.pipeline());
        return Files.readAllLines(out.resolve("alerts.jsonl"));
    }

    private static String post(String id, OffsetDateTime at, String root, String author, String text) {
        return Json.write(Map.of("id", id, "source", "rv", "channel", "microblog", "text", text, "publishedAt", at.toString(),
                "repostOf", root == null ? "" : root, "parentId", root == null ? "" : root,
                "author", Map.of("id", author, "followers", 1000)));
    }
}
