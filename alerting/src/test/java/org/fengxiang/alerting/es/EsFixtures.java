package org.fengxiang.alerting.es;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Author;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Metrics;
import org.fengxiang.core.Post;
import org.fengxiang.core.Sentiment;
import org.fengxiang.core.Spreader;

/** Varied test documents for the integration tests. */
final class EsFixtures {
    static final String[] CHANNELS = {"news", "microblog", "forum"};
    static final String[] LABELS = {Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE};
    static final String[] REGIONS = {"浙江", "北京", "广东"};

    private EsFixtures() {}

    /** {@code n} posts, one every {@code stepMinutes} from {@code start}, in incidents inc-0 and inc-1. */
    static List<Post> posts(int n, String start, long stepMinutes) {
        List<Post> out = new ArrayList<>();
        long t0 = Instant.parse(start).toEpochMilli();
        for (int i = 0; i < n; i++) {
            Post p = new Post();
            p.id = "weibo:p" + i;
            p.source = i % 2 == 0 ? "weibo" : "news.example";
            p.channel = CHANNELS[i % 3];
            p.url = "https://example.test/p/" + i;
            p.author = new Author("u" + (i % 7), "作者" + (i % 7), 100L * i, i % 5 == 0, REGIONS[i % 3]);
            p.title = i % 3 == 0 ? "化工厂泄漏 第" + i + "篇" : null;
            p.text = "滨江化工厂附近居民反映刺鼻气味 第" + i + "条";
            p.eventTime = t0 + i * stepMinutes * 60_000L;
            p.publishedAt = Instant.ofEpochMilli(p.eventTime).toString();
            p.metrics = new Metrics((long) i, 2L, 3L, 100L);
            p.repostOf = i % 4 == 0 ? null : "weibo:p0";
            p.incidentId = "inc-" + (i % 2);
            p.sentiment = new Sentiment(LABELS[i % 3], (i % 3) - 1.0);
            p.keywords = new ArrayList<>(List.of("化工厂", i % 2 == 0 ? "泄漏" : "气味"));
            p.region = REGIONS[i % 3];
            out.add(p);
        }
        return out;
    }

    static Incident incident(String id, long asOf) {
        Incident i = new Incident();
        i.id = id;
        i.title = "滨江化工厂疑似泄漏 " + id;
        i.keywords = List.of("化工厂", "泄漏");
        i.originPostId = "weibo:p0";
        i.originAuthorId = "u0";
        i.firstSeen = "2026-11-20T04:00:00Z";
        i.lastSeen = Instant.ofEpochMilli(asOf).toString();
        i.lastSeenMillis = asOf;
        i.asOf = asOf;
        i.postCount = 40;
        i.uniqueAuthors = 7;
        i.negative = 14;
        i.neutral = 13;
        i.positive = 13;
        i.topSpreaders = List.of(new Spreader("weibo:p4", "u4", 12));
        i.stage = "outbreak";
        i.heat = 42.5;
        i.growth = 2.0;
        i.regions = List.of("浙江");
        return i;
    }

    static Alert alert(String id, int seq, String level, String status) {
        Alert a = new Alert();
        a.id = id;
        a.incidentId = "inc-0";
        a.sequence = seq;
        a.level = level;
        a.status = status;
        a.rule = "volume-spike";
        a.detectedAt = "2026-11-20T06:0" + seq + ":00Z";
        a.detectedAtMillis = Instant.parse(a.detectedAt).toEpochMilli();
        a.title = "滨江化工厂疑似泄漏";
        a.reasons = new ArrayList<>(List.of("帖子数 40，基线 3.2，超出 9.1σ"));
        a.originPostId = "weibo:p0";
        a.evidencePostIds = new ArrayList<>(List.of("weibo:p0", "weibo:p4"));
        a.keywords = new ArrayList<>(List.of("化工厂"));
        a.postCount = 40;
        a.heat = 42.5;
        return a;
    }
}
