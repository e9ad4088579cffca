package org.fengxiang.alerting.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Author;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Metrics;
import org.fengxiang.core.Post;
import org.fengxiang.core.Spreader;

/** Test data: one incident about a (fictional) chemical-plant leak, its posts and alert transitions. */
final class MailFixtures {
    private MailFixtures() {}

    /** A free TCP port on 127.0.0.1. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A GreenMail SMTP server on {@code port} of 127.0.0.1, not started yet. */
    static com.icegreen.greenmail.util.GreenMail smtp(int port) {
        return new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1",
                com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
    }

    /** {@link #settings(int)} with the ledger, acknowledgement store and ack secret as files in {@code dir}. */
    static MailSettings settings(int port, java.nio.file.Path dir) {
        MailSettings s = settings(port);
        s.ledgerFile = dir.resolve("ledger.jsonl").toString();
        s.ack.storeFile = dir.resolve("acks.jsonl").toString();
        s.ack.secretFile = dir.resolve("secret").toString();
        return s;
    }

    static MailSettings settings(int port) {
        MailSettings s = new MailSettings();
        s.host = "127.0.0.1";
        s.port = port;
        s.from = "风向预警 <alerts@fengxiang.test>";
        s.recipients = Map.of("red", List.of("duty@fengxiang.test", "chief@fengxiang.test"),
                "orange", List.of("duty@fengxiang.test"), "yellow", List.of("duty@fengxiang.test"),
                "blue", List.of("analyst@fengxiang.test"));
        s.kibanaUrl = "http://kibana.test:5601";
        s.initialBackoffMs = 10;
        s.maxBackoffMs = 100;
        s.maxAttempts = 5;
        s.connectTimeoutMs = 2000;
        s.timeoutMs = 5000;
        s.htmlTemplate = "config/mail/alert.html";
        return s;
    }

    static Alert alert(String id, int sequence, String level, String status) {
        Alert a = new Alert();
        a.id = id;
        a.incidentId = "inc-" + id;
        a.sequence = sequence;
        a.level = level;
        a.status = status;
        a.rule = "volume-spike";
        a.detectedAt = "2026-11-20T14:05:00+08:00";
        a.title = "滨江化工厂疑似泄漏 周边居民称闻到刺鼻气味";
        a.keywords = new ArrayList<>(List.of("化工厂", "泄漏", "刺鼻气味"));
        a.reasons = new ArrayList<>(List.of("最近1小时帖子数 128，基线均值 9.5，σ=3.1，超出 38.2σ",
                "与前7天同一小时相比为 13.5 倍", "负面情绪占比 71%（基线 18%）"));
        a.originPostId = "weibo:Nx1";
        a.evidencePostIds = new ArrayList<>(List.of("weibo:Nx1", "weibo:Nx7", "news:bj-3301"));
        a.postCount = 128;
        a.heat = 86.4;
        return a;
    }

    static Incident incident(String id) {
        Incident i = new Incident();
        i.id = id;
        i.title = "滨江化工厂疑似泄漏";
        i.keywords = List.of("化工厂", "泄漏", "刺鼻气味");
        i.originPostId = "weibo:Nx1";
        i.firstSeen = "2026-11-20T12:41:00+08:00";
        i.lastSeen = "2026-11-20T14:04:10+08:00";
        i.postCount = 131;
        i.uniqueAuthors = 97;
        i.interactions = 5321;
        i.negative = 93;
        i.neutral = 30;
        i.positive = 8;
        i.regions = List.of("浙江");
        i.topSpreaders = List.of(new Spreader("weibo:Nx7", "u-city-news", 54), new Spreader("weibo:Nx9", "u-kol-2", 21));
        i.stage = "outbreak";
        i.heat = 86.4;
        i.growth = 4.2;
        i.windowCount = 77;
        return i;
    }

    static Post origin() {
        Post p = new Post();
        p.id = "weibo:Nx1";
        p.source = "weibo";
        p.channel = "microblog";
        p.url = "https://weibo.example/Nx1";
        p.author = new Author("u-resident-1", "江边住户<b>小王</b>", 312L, false, "浙江");
        p.text = "楼下化工厂又在排东西了，整个小区都是刺鼻的味道 <script>alert('x')</script> 有没有人管？";
        p.publishedAt = "2026-11-20T12:41:00+08:00";
        p.metrics = new Metrics(54L, 23L, 80L, null);
        return p;
    }

    static Post evidence(String id, String url, String text) {
        Post p = new Post();
        p.id = id;
        p.url = url;
        p.text = text;
        return p;
    }

    static AlertContext context(String incidentId) {
        return new AlertContext(incident(incidentId), origin(), List.of(origin(),
                evidence("weibo:Nx7", "javascript:alert(1)", "本地新闻号转发：化工厂附近居民反映异味"),
                evidence("news:bj-3301", "https://news.example/a/3301", "环保部门回应：已派员前往现场检测")));
    }
}
