package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.fengxiang.alerting.ack.AckLinks;
import org.fengxiang.alerting.ack.AckPages;
import org.fengxiang.alerting.ack.AckSettings;
import org.fengxiang.alerting.ack.AckToken;
import org.fengxiang.alerting.ack.Acknowledgement;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Resources;
import org.junit.jupiter.api.Test;

/**
 * The rendered samples in {@code docs/mail-samples/} (alert transitions with their acknowledgement
 * link, digest, escalation, acknowledgement pages) must match what the code produces now.
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

    /** Links in the samples are signed with a throw-away key and issued at a fixed instant. */
    static final AckLinks LINKS;
    static final Instant ISSUED = Instant.parse("2026-11-20T06:05:30Z");

    static {
        AckSettings ack = new AckSettings();
        LINKS = new AckLinks(ack, new AckToken("docs-sample-secret-not-used-anywhere".getBytes(StandardCharsets.UTF_8)));
    }

    final boolean write = Boolean.getBoolean("fengxiang.writeSamples");
    final Path dir = Resources.home().resolve("docs/mail-samples");

    @Test
    void samplesAreUpToDate() throws Exception {
        MailSettings settings = MailFixtures.settings(25);
        AlertMailRenderer renderer = new AlertMailRenderer(settings);
        MailSender sender = new MailSender(settings, Map.of(), ms -> {});
        for (Sample s : samples()) {
            RenderedMail m = renderer.render(s.alert(), s.context(), LINKS.url(s.alert(), ISSUED));
            check(s.name(), m, sender.build(s.alert(), m, new MailRouting(settings).recipients(s.alert(), List.of())));
            assertThat(m.text()).contains("http://127.0.0.1:18089/ack?t=");
        }
        Alert night1 = MailFixtures.alert("alert-inc-c3", 1, Alert.YELLOW, "open");
        night1.detectedAt = "2026-11-20T23:40:00+08:00";
        night1.title = "某小区物业费上涨引发业主不满";
        Alert night2 = MailFixtures.alert("alert-inc-d4", 2, Alert.ORANGE, "escalated");
        night2.detectedAt = "2026-11-21T02:15:00+08:00";
        RenderedMail digest = renderer.renderDigest(List.of(night1, night2));
        check("6-digest", digest, sender.buildDigest("digest#sample#duty@fengxiang.test", digest, List.of("duty@fengxiang.test"),
                Instant.parse("2026-11-20T23:00:00Z")));
        assertThat(digest.subject()).isEqualTo("【预警汇总】2 条预警（最高 橙色 Ⅱ级）");

        Alert red = samples().get(1).alert();
        Instant later = ISSUED.plusSeconds(15 * 60);
        RenderedMail esc = renderer.renderEscalation(red, MailFixtures.context("inc-a1"), 1, 15,
                List.of("duty@fengxiang.test", "chief@fengxiang.test"), LINKS.url(red, later));
        String key = Escalations.key(red.id, red.sequence, 1);
        check("7-escalation-unacknowledged", esc, sender.buildEscalation(red, key, 1, esc, List.of("duty-lead@fengxiang.test"), later));
        assertThat(esc.subject()).isEqualTo("【未确认·第1级升级】【红色 Ⅰ级预警·升级】滨江化工厂疑似泄漏 周边居民称闻到刺鼻气味");
    }

    @Test
    void acknowledgementPagesAreUpToDate() throws Exception {
        AckPages pages = new AckPages(ZoneId.of("Asia/Shanghai"));
        String link = LINKS.url(samples().get(1).alert(), ISSUED);
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf("?t=") + 3), StandardCharsets.UTF_8);
        page("8-ack-confirm-form.html", pages.confirm(token, "alert-inc-a1", 2, LINKS.expiry(ISSUED)));
        page("9-ack-confirmed.html", pages.acknowledged(
                new Acknowledgement("alert-inc-a1", 2, ISSUED.plusSeconds(9 * 60).toString(), "王值班"), false));
        page("10-ack-link-expired.html", pages.refused(AckToken.Status.EXPIRED));
    }

    private void check(String name, RenderedMail m, MimeMessage msg) throws Exception {
        if (write) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".html"), m.html());
            Files.writeString(dir.resolve(name + ".txt"), m.text());
            MailSender.save(msg, dir, name);
        }
        assertThat(dir.resolve(name + ".html")).hasContent(m.html());
        assertThat(dir.resolve(name + ".txt")).hasContent(m.text());
        assertThat(dir.resolve(name + ".eml")).exists();
    }

    private void page(String name, String html) throws Exception {
        if (write) Files.writeString(dir.resolve(name), html);
        assertThat(dir.resolve(name)).hasContent(html);
    }
}
