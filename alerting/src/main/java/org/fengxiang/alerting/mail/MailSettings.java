package org.fengxiang.alerting.mail;

import java.io.Serializable;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Alert;

/**
 * E-mail settings, bound from the {@code mail:} section. The SMTP password is never a configuration
 * value: only the name of the environment variable holding it ({@link #passwordEnv}) is.
 */
public class MailSettings implements Serializable {
    /** Master switch: false sends nothing (reruns and replays). */
    public boolean enabled = true;
    public String host = "127.0.0.1";
    public int port = 25;
    /** none | starttls (required) | tls (implicit TLS, usually port 465). */
    public String security = "none";
    /** Trust this host for TLS without checking its certificate chain (test servers only). */
    public boolean trustAllHosts = false;
    /** SMTP user; null for no authentication. */
    public String username;
    public String passwordEnv = "FENGXIANG_SMTP_PASSWORD";
    /** Sender address, e.g. {@code 风向预警 <alerts@example.org>}. */
    public String from = "风向预警 <fengxiang@localhost>";
    /** Recipients by level (red, orange, yellow, blue). */
    public Map<String, List<String>> recipients = new LinkedHashMap<>();
    /** Extra routes: recipients for alerts matching a keyword group or region. */
    public List<Route> routes = new ArrayList<>();
    /** Non-red alerts whose event time falls inside these hours are not e-mailed immediately. */
    public QuietHours quietHours;
    /** Levels never e-mailed one by one, only in the daily digest (e.g. [blue]); red is not allowed. */
    public List<String> digestLevels = new ArrayList<>();
    /** Local time of the daily digest (sent with the first alert at or after it, in event time). */
    public String digestTime = "08:00";
    /** Time zone used in e-mails, for quiet hours and the digest time. */
    public String zone = "Asia/Shanghai";
    /** Base URL of Kibana for links in e-mails; null for no Kibana links. */
    public String kibanaUrl = "http://127.0.0.1:5601";
    /** Domain part of the deterministic Message-ID. */
    public String messageIdDomain = "fengxiang.local";
    /** Ledger: auto (Elasticsearch when configured, else file) | elasticsearch | file. */
    public String ledger = "auto";
    public String ledgerFile = "var/mail/ledger.jsonl";
    /** Directory to which every sent message is also written as {@code .eml}; null for none. */
    public String saveDir;
    /** HTML frame template (placeholders {@code {{title}}}, {@code {{body}}}). */
    public String htmlTemplate = "config/mail/alert.html";
    public int connectTimeoutMs = 10_000;
    public int timeoutMs = 30_000;
    /** Attempts per message before the sink fails (and Flink restarts it). */
    public int maxAttempts = 8;
    public long initialBackoffMs = 1_000;
    public long maxBackoffMs = 60_000;
    /** Signed acknowledgement links in every alert e-mail and the endpoint that verifies them. */
    public org.fengxiang.alerting.ack.AckSettings ack = new org.fengxiang.alerting.ack.AckSettings();
    /** E-mails to escalation recipients when an alert stays unacknowledged. */
    public EscalationSettings escalation = new EscalationSettings();

    /** Recipients for alerts with a keyword of the group or in one of the regions (any level at or above minLevel). */
    public static class Route implements Serializable {
        public String name;
        public List<String> keywords = new ArrayList<>();
        public List<String> regions = new ArrayList<>();
        public String minLevel = Alert.BLUE;
        public List<String> recipients = new ArrayList<>();
    }

    /** Local hours [start, end) in {@link MailSettings#zone}; may wrap midnight. */
    public static class QuietHours implements Serializable {
        public String start = "22:00";
        public String end = "07:00";
    }

    public MailSettings() {}

    /** Checks the values; throws {@link IllegalArgumentException} with a user-facing message. */
    public MailSettings validate() {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("mail.host must be set");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("mail.port out of range: " + port);
        if (!List.of("none", "starttls", "tls").contains(security)) {
            throw new IllegalArgumentException("mail.security must be none|starttls|tls: " + security);
        }
        if (!List.of("auto", "elasticsearch", "file").contains(ledger)) {
            throw new IllegalArgumentException("mail.ledger must be auto|elasticsearch|file: " + ledger);
        }
        ZoneId.of(zone);
        if (quietHours != null) {
            LocalTime.parse(quietHours.start);
            LocalTime.parse(quietHours.end);
        }
        for (String level : recipients.keySet()) {
            if (Alert.rank(level) == 0) throw new IllegalArgumentException("mail.recipients: unknown level " + level);
        }
        LocalTime.parse(digestTime);
        for (String level : digestLevels) {
            if (Alert.rank(level) == 0 || Alert.RED.equals(level)) {
                throw new IllegalArgumentException("mail.digestLevels: not a non-red level: " + level);
            }
        }
        for (Route r : routes) {
            if (Alert.rank(r.minLevel) == 0) throw new IllegalArgumentException("mail.routes: unknown minLevel " + r.minLevel);
        }
        if (maxAttempts < 1 || initialBackoffMs < 1 || maxBackoffMs < initialBackoffMs) {
            throw new IllegalArgumentException("mail: bad retry settings");
        }
        if (ack == null || escalation == null) throw new IllegalArgumentException("mail.ack and mail.escalation must not be null");
        ack.validate();
        escalation.validate();
        return this;
    }

    /** The SMTP password from the environment, or null. */
    public String password(Map<String, String> env) {
        String v = env.get(passwordEnv);
        return v == null || v.isBlank() ? null : v;
    }
}
