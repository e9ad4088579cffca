package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fengxiang.alerting.ack.AckLinks;
import org.fengxiang.alerting.ack.AckPages;
import org.fengxiang.alerting.ack.AckServer;
import org.fengxiang.alerting.ack.AckService;
import org.fengxiang.alerting.ack.AckToken;
import org.fengxiang.alerting.ack.FileAckStore;
import org.fengxiang.alerting.ack.TestClock;
import org.fengxiang.alerting.es.Backoff;
import org.fengxiang.core.Alert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledgement links and escalation on a real SMTP server (GreenMail) and the real acknowledgement
 * endpoint: the links officers receive are clicked over HTTP.
 */
class EscalationGreenMailTest {
    static final byte[] SECRET = "escalation-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/ack\\?t=\\S+");
    @TempDir Path tmp;
    GreenMail smtp;
    AckServer ackServer;
    MailSettings settings;
    final TestClock clock = new TestClock(Instant.parse("2026-11-20T06:05:00Z"));
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        int port = MailFixtures.freePort();
        smtp = MailFixtures.smtp(port);
        smtp.start();
        settings = MailFixtures.settings(port);
        settings.ledgerFile = tmp.resolve("ledger.jsonl").toString();
        settings.ack.storeFile = tmp.resolve("acks.jsonl").toString();
        settings.escalation.levels = List.of(Alert.RED, Alert.ORANGE);
        settings.escalation.steps = List.of(step(15, "lead@fengxiang.test"), step(45, "director@fengxiang.test"));
        FileAckStore serverStore = new FileAckStore(settings.ack.storePath());
        AckPages pages = new AckPages(ZoneId.of("Asia/Shanghai"));
        ackServer = AckServer.start("127.0.0.1", 0,
                new AckService(new AckToken(SECRET), serverStore, null, pages, clock), pages, serverStore);
        settings.ack.baseUrl = "http://127.0.0.1:" + ackServer.port();
    }

    @AfterEach
    void tearDown() throws Exception {
        ackServer.close();
        smtp.stop();
    }

    static EscalationSettings.Step step(long minutes, String to) {
        EscalationSettings.Step s = new EscalationSettings.Step();
        s.afterMinutes = minutes;
        s.recipients = List.of(to);
        return s;
    }

    AlertMailer mailer(FileAckStore acks) throws Exception {
        return new AlertMailer(settings, new AlertMailRenderer(settings), new MailSender(settings, Map.of(), Backoff.Sleeper.real()),
                FileMailLedger.open(Path.of(settings.ledgerFile)), a -> MailFixtures.context(a.incidentId))
                .withAcknowledgement(new AckLinks(settings.ack, new AckToken(SECRET)), acks).withClock(clock);
    }

    @Test
    void unacknowledgedAlertsEscalateOncePerStepAndAcknowledgingStopsIt() throws Exception {
        Alert red = MailFixtures.alert("red1", 1, Alert.RED, "open");
        Alert orange = MailFixtures.alert("org1", 1, Alert.ORANGE, "open");
        Alert yellow = MailFixtures.alert("yel1", 1, Alert.YELLOW, "open");
        Alert red2 = MailFixtures.alert("red2", 1, Alert.RED, "open");
        try (FileAckStore acks = new FileAckStore(settings.ack.storePath()); AlertMailer m = mailer(acks)) {
            for (Alert a : List.of(red, orange, yellow, red2)) assertThat(m.deliver(a)).isEqualTo(AlertMailer.Outcome.SENT);
            clock.advance(Duration.ofMinutes(14));
            assertThat(m.escalateDue()).isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(m.escalateDue()).isEqualTo(3); // red1, org1, red2 to the step-1 recipient; yellow never
            assertThat(m.escalateDue()).isZero();
        }
        assertThat(escalations()).containsExactlyInAnyOrder("red1#1#1 lead@fengxiang.test", "org1#1#1 lead@fengxiang.test",
                "red2#1#1 lead@fengxiang.test");
        // the officer acknowledges red1 through the link in the e-mail they received (a GET shows a form, the POST records it)
        String link = link(alertMail("red1", "duty@fengxiang.test"));
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("red1", "<form method=\"post\"");
        assertThat(post(token(link), "王值班").statusCode()).isEqualTo(200);
        // a later transition of org1 (closed) supersedes its open one; a restarted mailer over the same ledger
        try (FileAckStore acks = new FileAckStore(settings.ack.storePath()); AlertMailer m = mailer(acks)) {
            clock.advance(Duration.ofMinutes(5));
            Alert closed = MailFixtures.alert("org1", 2, Alert.BLUE, "closed");
            assertThat(m.deliver(closed)).isEqualTo(AlertMailer.Outcome.SENT);
            assertThat(m.escalateDue()).isZero(); // nothing repeated after the restart
            clock.advance(Duration.ofMinutes(25)); // 45 min after the alerts
            assertThat(m.escalateDue()).isEqualTo(1);
            clock.advance(Duration.ofHours(30));
            assertThat(m.escalateDue()).isZero();
        }
        assertThat(escalations()).containsExactlyInAnyOrder("red1#1#1 lead@fengxiang.test", "org1#1#1 lead@fengxiang.test",
                "red2#1#1 lead@fengxiang.test", "red2#1#2 director@fengxiang.test");
        MimeMessage second = Arrays.stream(smtp.getReceivedMessages())
                .filter(x -> "2".equals(header(x, "X-Fengxiang-Escalation"))).findFirst().orElseThrow();
        assertThat(second.getSubject()).startsWith("【未确认·第2级升级】【红色 Ⅰ级预警·新预警】");
        assertThat(text(second)).contains("发出 45 分钟后仍无人确认", "原收件人: duty@fengxiang.test、chief@fengxiang.test");
        assertThat(second.getMessageID()).startsWith("<fx.escalation.");
    }

    @Test
    void theLinkInTheMailIsValidThenExpiresAndATamperedOneIsRefused() throws Exception {
        try (FileAckStore acks = new FileAckStore(settings.ack.storePath()); AlertMailer m = mailer(acks)) {
            m.deliver(MailFixtures.alert("red1", 1, Alert.RED, "open"));
            m.deliver(MailFixtures.alert("red3", 1, Alert.RED, "open"));
        }
        MimeMessage mail = alertMail("red1", "duty@fengxiang.test");
        String html = (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
        String link = link(mail);
        assertThat(html).contains("href=\"" + link.replace("&", "&amp;") + "\"");
        String t = token(link);
        String tampered = t.replaceFirst("^[^.]+", java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("red3".getBytes(StandardCharsets.UTF_8)));
        assertThat(post(tampered, "x").statusCode()).isEqualTo(403);
        clock.advance(Duration.ofHours(24));
        HttpResponse<String> expired = post(token(link(alertMail("red3", "duty@fengxiang.test"))), "x");
        assertThat(expired.statusCode()).isEqualTo(410);
        clock.advance(Duration.ofHours(-1));
        assertThat(post(t, "值班员").statusCode()).isEqualTo(200);
        try (FileAckStore acks = new FileAckStore(settings.ack.storePath())) {
            assertThat(acks.covering("red1", 1)).isPresent();
            assertThat(acks.covering("red3", 1)).isEmpty();
        }
    }

    HttpResponse<String> post(String token, String by) throws Exception {
        String form = "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&by=" + URLEncoder.encode(by, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(settings.ack.baseUrl + "/ack"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(String link) {
        return URLDecoder.decode(link.substring(link.indexOf("?t=") + 3), StandardCharsets.UTF_8);
    }

    static String link(MimeMessage m) throws Exception {
        Matcher x = LINK.matcher(text(m));
        assertThat(x.find()).as("acknowledgement link in the text part").isTrue();
        return x.group();
    }

    static String text(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    MimeMessage alertMail(String alertId, String to) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (alertId.equals(header(m, "X-Fengxiang-Alert")) && header(m, "X-Fengxiang-Escalation") == null
                    && Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(to))) {
                return m;
            }
        }
        throw new AssertionError("no mail for " + alertId);
    }

    List<String> escalations() throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String step = header(m, "X-Fengxiang-Escalation");
            if (step == null) continue;
            // GreenMail delivers one copy per recipient
            String to = Arrays.stream(m.getAllRecipients()).map(Object::toString).reduce((x, y) -> x + "," + y).orElse("");
            out.add(header(m, "X-Fengxiang-Alert") + "#" + header(m, "X-Fengxiang-Sequence") + "#" + step + " " + to);
        }
        return out;
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] h = m.getHeader(name);
            return h == null ? null : h[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
