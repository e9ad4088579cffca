package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Resources;
import org.junit.jupiter.api.Test;

/**
 * The rendered samples in {@code docs/mail-samples/} must match what the renderer produces now.
 * Regenerate them with {@code -Dfengxiang.writeSamples=true}.
 */
class MailSamplesTest {
    record Sample(String name, Alert alert, AlertContext context) {}

    static List<Sample> samples() {
        Alert open = MailFixtures.alert("alert-inc-a1", 1, Alert.YELLOW, "open");
        Alert up = MailFixtures.alert("alert-inc-a1", 2, Alert.RED, "escalated");
        up.postCount = 412;
        up.reasons.add(0, "级别由 黄色 升为 红色：转发规模 30 分钟内增长 4.2 倍");
        Alert down = MailFixtures.alert("alert-inc-a1", 3, Alert.ORANGE, "deescalated");
        down.detectedAt = "2026-11-21T09:10:00+08:00";
        down.reasons = new java.util.ArrayList<>(List.of("最近1小时帖子数降至 21，低于红色阈值 60"));
        Alert closed = MailFixtures.alert("alert-inc-a1", 4, Alert.BLUE, "closed");
        closed.detectedAt = "2026-11-22T10:00:00+08:00";
        closed.reasons = new java.util.ArrayList<>(List.of("事件连续 24 小时无新增帖子，预警解除"));
        return List.of(new Sample("1-open-yellow", open, MailFixtures.context("inc-a1")),
                new Sample("2-escalated-red", up, MailFixtures.context("inc-a1")),
                new Sample("3-deescalated-orange", down, MailFixtures.context("inc-a1")),
                new Sample("4-closed-blue", closed, MailFixtures.context("inc-a1")),
                new Sample("5-open-minimal-context", MailFixtures.alert("alert-inc-b2", 1, Alert.ORANGE, "open"),
                        AlertContext.empty()));
    }

    @Test
    void samplesAreUpToDate() throws Exception {
        MailSettings settings = MailFixtures.settings(25);
        AlertMailRenderer renderer = new AlertMailRenderer(settings);
        MailSender sender = new MailSender(settings, Map.of(), ms -> {});
        Path dir = Resources.home().resolve("docs/mail-samples");
        boolean write = Boolean.getBoolean("fengxiang.writeSamples");
        for (Sample s : samples()) {
            RenderedMail m = renderer.render(s.alert(), s.context());
            if (write) {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(s.name() + ".html"), m.html());
                Files.writeString(dir.resolve(s.name() + ".txt"), m.text());
                MimeMessage msg = sender.build(s.alert(), m, new MailRouting(settings).recipients(s.alert(), List.of()));
                MailSender.save(msg, dir, s.name());
            }
            assertThat(dir.resolve(s.name() + ".html")).hasContent(m.html());
            assertThat(dir.resolve(s.name() + ".txt")).hasContent(m.text());
            assertThat(dir.resolve(s.name() + ".eml")).exists();
        }
        Alert night1 = MailFixtures.alert("alert-inc-c3", 1, Alert.YELLOW, "open");
        night1.detectedAt = "2026-11-20T23:40:00+08:00";
        night1.title = "某小区物业费上涨引发业主不满";
        Alert night2 = MailFixtures.alert("alert-inc-d4", 2, Alert.ORANGE, "escalated");
        night2.detectedAt = "2026-11-21T02:15:00+08:00";
        RenderedMail digest = renderer.renderDigest(List.of(night1, night2));
        if (write) {
            Files.writeString(dir.resolve("6-digest.html"), digest.html());
            Files.writeString(dir.resolve("6-digest.txt"), digest.text());
            MailSender.save(sender.buildDigest("digest#sample#duty@fengxiang.test", digest, List.of("duty@fengxiang.test"),
                    java.time.Instant.parse("2026-11-20T23:00:00Z")), dir, "6-digest");
        }
        assertThat(dir.resolve("6-digest.html")).hasContent(digest.html());
        assertThat(digest.subject()).isEqualTo("【预警汇总】2 条预警（最高 橙色 Ⅱ级）");
    }
}
