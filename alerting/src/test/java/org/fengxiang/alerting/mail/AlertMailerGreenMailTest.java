package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fengxiang.alerting.es.Backoff;
import org.fengxiang.core.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery on a real in-JVM SMTP server (GreenMail). */
class AlertMailerGreenMailTest {
    @TempDir Path tmp;
    int port;
    GreenMail smtp;
    MailSettings settings;

    @BeforeEach
    void setUp() throws IOException {
        port = MailFixtures.freePort();
        smtp = MailFixtures.smtp(port);
        settings = MailFixtures.settings(port);
        settings.ledgerFile = tmp.resolve("ledger.jsonl").toString();
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    AlertMailer mailer(Backoff.Sleeper sleeper) throws IOException {
        return new AlertMailer(settings, new AlertMailRenderer(settings), new MailSender(settings, Map.of(), sleeper),
                FileMailLedger.open(Path.of(settings.ledgerFile)), a -> MailFixtures.context(a.incidentId));
    }

    @Test
    void sendsMultipartUtf8MailWithEncodedSubjectAndDeterministicMessageId() throws Exception {
        smtp.start();
        Alert a = MailFixtures.alert("a1", 1, Alert.ORANGE, "open");
        try (AlertMailer m = mailer(Backoff.Sleeper.real())) {
            assertThat(m.deliver(a)).isEqualTo(AlertMailer.Outcome.SENT);
        }
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(1);
        MimeMessage msg = got[0];
        String rawSubject = msg.getHeader("Subject")[0];
        assertThat(rawSubject).startsWith("=?UTF-8?").doesNotContain("滨江");
        assertThat(msg.getSubject()).isEqualTo("【橙色 Ⅱ级预警·新预警】滨江化工厂疑似泄漏 周边居民称闻到刺鼻气味");
        assertThat(msg.getMessageID()).isEqualTo(MailSender.messageId(a, "fengxiang.local")).endsWith(".1@fengxiang.local>");
        assertThat(msg.getHeader("X-Fengxiang-Alert")[0]).isEqualTo("a1");
        MimeMultipart mp = (MimeMultipart) msg.getContent();
        assertThat(mp.getContentType()).startsWith("multipart/alternative");
        assertThat(mp.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(mp.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) mp.getBodyPart(1).getContent()).contains("&lt;script&gt;").doesNotContain("<script");
        assertThat((String) mp.getBodyPart(0).getContent()).contains("触发原因");
    }

    @Test
    void headerInjectionThroughTheTitleAddsNoRecipient() throws Exception {
        smtp.start();
        Alert a = MailFixtures.alert("a1", 1, Alert.YELLOW, "open");
        a.title = "x\r\nBcc: evil@attacker.test\r\n\r\n<h1>body</h1>";
        try (AlertMailer m = mailer(Backoff.Sleeper.real())) {
            m.deliver(a);
        }
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getHeader("Bcc")).isNull();
        assertThat(Arrays.stream(got[0].getAllRecipients()).map(Object::toString)).containsExactly("duty@fengxiang.test");
        assertThat(smtp.getReceivedMessagesForDomain("attacker.test")).isEmpty();
    }

    @Test
    void routesByLevelAndKeywordGroup() throws Exception {
        smtp.start();
        MailSettings.Route r = new MailSettings.Route();
        r.name = "化工";
        r.keywords = List.of("化工厂");
        r.minLevel = Alert.YELLOW;
        r.recipients = List.of("chem@fengxiang.test", "duty@fengxiang.test");
        settings.routes = List.of(r);
        try (AlertMailer m = mailer(Backoff.Sleeper.real())) {
            m.deliver(MailFixtures.alert("a1", 1, Alert.RED, "open"));
            m.deliver(MailFixtures.alert("a2", 1, Alert.BLUE, "open"));
        }
        assertThat(recipientsOf("a1")).containsExactlyInAnyOrder("duty@fengxiang.test", "chief@fengxiang.test",
                "chem@fengxiang.test");
        assertThat(recipientsOf("a2")).containsExactly("analyst@fengxiang.test");
    }

    @Test
    void quietHoursHoldBackLowerGradesForTheDigestButRedAlwaysPasses() throws Exception {
        smtp.start();
        settings.quietHours = new MailSettings.QuietHours();
        settings.quietHours.start = "22:00";
        settings.quietHours.end = "07:00";
        Alert nightYellow = MailFixtures.alert("a1", 1, Alert.YELLOW, "open");
        nightYellow.detectedAt = "2026-11-20T23:30:00+08:00";
        Alert nightBlue = MailFixtures.alert("a4", 1, Alert.BLUE, "open");
        nightBlue.detectedAt = "2026-11-21T01:30:00+08:00";
        Alert nightRed = MailFixtures.alert("a2", 1, Alert.RED, "open");
        nightRed.detectedAt = "2026-11-21T03:00:00+08:00";
        Alert morningYellow = MailFixtures.alert("a3", 1, Alert.YELLOW, "open");
        morningYellow.detectedAt = "2026-11-21T07:00:00+08:00";
        try (AlertMailer m = mailer(Backoff.Sleeper.real())) {
            assertThat(m.deliver(nightYellow)).isEqualTo(AlertMailer.Outcome.HELD_FOR_DIGEST);
            assertThat(m.deliver(nightBlue)).isEqualTo(AlertMailer.Outcome.HELD_FOR_DIGEST);
            assertThat(m.deliver(nightRed)).isEqualTo(AlertMailer.Outcome.SENT);
            assertThat(smtp.getReceivedMessages()).hasSize(2);
            assertThat(m.deliver(morningYellow)).isEqualTo(AlertMailer.Outcome.SENT);
            assertThat(m.stats().digests()).isEqualTo(2);
            // replaying the night and the morning changes nothing
            for (Alert a : List.of(nightYellow, nightBlue, nightRed, morningYellow)) {
                assertThat(m.deliver(a)).isEqualTo(AlertMailer.Outcome.DUPLICATE);
            }
        }
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(5); // red to two officers, digest to duty and to analyst, morning yellow
        List<MimeMessage> digests = Arrays.stream(got).filter(x -> header(x, "X-Fengxiang-Digest") != null).toList();
        assertThat(digests).hasSize(2);
        for (MimeMessage d : digests) {
            String to = d.getAllRecipients()[0].toString();
            String body = (String) ((MimeMultipart) d.getContent()).getBodyPart(0).getContent();
            if (to.equals("duty@fengxiang.test")) {
                assertThat(d.getSubject()).contains("1 条预警").contains("黄色");
                assertThat(body).contains("超出 38.2σ").doesNotContain("蓝色 Ⅳ级 ·");
            } else {
                assertThat(to).isEqualTo("analyst@fengxiang.test");
                assertThat(body).contains("蓝色 Ⅳ级 ·");
            }
        }
        assertThat(alertIds()).containsExactlyInAnyOrder("a2", "a2", "a3");
    }

    @Test
    void digestOnlyLevelsArriveOnceADayInTheDigest() throws Exception {
        smtp.start();
        settings.digestLevels = List.of(Alert.BLUE);
        settings.digestTime = "08:00";
        Alert blue1 = MailFixtures.alert("b1", 1, Alert.BLUE, "open");
        blue1.detectedAt = "2026-11-20T10:00:00+08:00";
        Alert blue2 = MailFixtures.alert("b2", 1, Alert.BLUE, "open");
        blue2.detectedAt = "2026-11-20T15:00:00+08:00";
        Alert yellowSameDay = MailFixtures.alert("y1", 1, Alert.YELLOW, "open");
        yellowSameDay.detectedAt = "2026-11-20T16:00:00+08:00";
        Alert yellowNextMorning = MailFixtures.alert("y2", 1, Alert.YELLOW, "open");
        yellowNextMorning.detectedAt = "2026-11-21T08:30:00+08:00";
        try (AlertMailer m = mailer(Backoff.Sleeper.real())) {
            assertThat(m.deliver(blue1)).isEqualTo(AlertMailer.Outcome.HELD_FOR_DIGEST);
            assertThat(m.deliver(blue2)).isEqualTo(AlertMailer.Outcome.HELD_FOR_DIGEST);
            assertThat(m.deliver(yellowSameDay)).isEqualTo(AlertMailer.Outcome.SENT);
            assertThat(m.stats().digests()).isZero();
            assertThat(m.deliver(yellowNextMorning)).isEqualTo(AlertMailer.Outcome.SENT);
            assertThat(m.stats().digests()).isEqualTo(1);
        }
        List<MimeMessage> digests = Arrays.stream(smtp.getReceivedMessages())
                .filter(x -> header(x, "X-Fengxiang-Digest") != null).toList();
        assertThat(digests).singleElement().satisfies(d -> {
            assertThat(d.getAllRecipients()[0].toString()).isEqualTo("analyst@fengxiang.test");
            assertThat(d.getSubject()).isEqualTo("【预警汇总】2 条预警（最高 蓝色 Ⅳ级）");
        });
        assertThat(alertIds()).containsExactlyInAnyOrder("y1", "y2");
    }

    private static String header(MimeMessage m, String name) {
        try {
            String[] h = m.getHeader(name);
            return h == null ? null : h[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void smtpOutageIsRetriedAndEveryTransitionArrivesExactlyOnce() throws Exception {
        AtomicInteger sleeps = new AtomicInteger();
        Backoff.Sleeper startOnSecondSleep = ms -> {
            if (sleeps.incrementAndGet() == 2) smtp.start();
        };
        List<Alert> transitions = List.of(MailFixtures.alert("a1", 1, Alert.YELLOW, "open"),
                MailFixtures.alert("a1", 2, Alert.ORANGE, "escalated"), MailFixtures.alert("a2", 1, Alert.BLUE, "open"));
        try (AlertMailer m = mailer(startOnSecondSleep)) {
            for (Alert a : transitions) assertThat(m.deliver(a)).isEqualTo(AlertMailer.Outcome.SENT);
            // the whole stream replayed (job restart from an older checkpoint): nothing is sent again
            for (Alert a : transitions) assertThat(m.deliver(a)).isEqualTo(AlertMailer.Outcome.DUPLICATE);
            assertThat(m.stats().sent()).isEqualTo(3);
        }
        assertThat(sleeps.get()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(messageIds()).hasSize(3);
        // a new mailer over the same ledger file (a restarted job) sends nothing either
        try (AlertMailer m = mailer(Backoff.Sleeper.real())) {
            for (Alert a : transitions) assertThat(m.deliver(a)).isEqualTo(AlertMailer.Outcome.DUPLICATE);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void serverDownPastAllRetriesFailsAndTheRestartedJobSendsOnce() throws Exception {
        Alert a = MailFixtures.alert("a1", 1, Alert.RED, "open");
        try (AlertMailer m = mailer(ms -> {})) {
            assertThatThrownBy(() -> m.deliver(a)).isInstanceOf(MessagingException.class);
        }
        try (FileMailLedger l = FileMailLedger.open(Path.of(settings.ledgerFile))) {
            assertThat(l.get("a1#1")).hasValueSatisfying(e -> assertThat(e.status).isEqualTo(LedgerEntry.PENDING));
        }
        smtp.start();
        try (AlertMailer m = mailer(ms -> {})) {
            assertThat(m.deliver(a)).isEqualTo(AlertMailer.Outcome.SENT);
            assertThat(m.stats().resumed()).isEqualTo(1);
            assertThat(m.deliver(a)).isEqualTo(AlertMailer.Outcome.DUPLICATE);
        }
        assertThat(alertIds()).containsExactly("a1", "a1");
        List<String> ledger = Files.readAllLines(Path.of(settings.ledgerFile));
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(1)).contains("\"status\":\"sent\"");
    }

    @Test
    void disabledMailSendsNothingAndTouchesNoLedger() throws Exception {
        smtp.start();
        settings.enabled = false;
        AlertMailer m = new AlertMailer(settings, null, null, null, null);
        assertThat(m.deliver(MailFixtures.alert("a1", 1, Alert.RED, "open"))).isEqualTo(AlertMailer.Outcome.DISABLED);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(Path.of(settings.ledgerFile)).doesNotExist();
    }

    @Test
    void savesEmlCopiesWhenAsked() throws Exception {
        smtp.start();
        settings.saveDir = tmp.resolve("eml").toString();
        try (AlertMailer m = mailer(Backoff.Sleeper.real())) {
            m.deliver(MailFixtures.alert("weibo:a1", 1, Alert.RED, "open"));
        }
        Path eml = tmp.resolve("eml/weibo_a1-1.eml");
        assertThat(eml).exists();
        assertThat(Files.readString(eml)).contains("Message-ID: <fx.").contains("multipart/alternative");
    }

    private List<String> alertIds() throws MessagingException {
        List<String> ids = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getHeader("X-Fengxiang-Alert") != null) ids.add(m.getHeader("X-Fengxiang-Alert")[0]);
        }
        return ids;
    }

    private List<String> messageIds() throws MessagingException {
        return Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().toList();
    }

    private List<String> recipientsOf(String alertId) throws MessagingException {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (alertId.equals(m.getHeader("X-Fengxiang-Alert")[0])) {
                return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
            }
        }
        return Collections.emptyList();
    }
}
