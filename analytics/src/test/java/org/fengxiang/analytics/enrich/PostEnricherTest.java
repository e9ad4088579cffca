package org.fengxiang.analytics.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import org.fengxiang.core.Author;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fengxiang.core.Config;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.fengxiang.core.Resources;
import org.fengxiang.core.Sentiment;
import org.junit.jupiter.api.Test;

class PostEnricherTest {
    private static Post post(String id, String text) {
        Post p = new Post();
        p.id = id;
        p.title = "突發：杭州暴雨";
        p.text = text;
        p.author = new Author("u1", "某用户", 10L, false, "浙江 杭州");
        return p;
    }

    @Test
    void enrichesAPostEndToEnd() {
        PostEnricher e = PostEnricher.create(AnalyticsSettings.defaults());
        assertThat(PostEnricher.create(AnalyticsSettings.defaults())).isSameAs(e);
        Post p = e.enrich(post("weibo:1", "#杭州暴雨# 西湖区今天暴雨，地铁停运，杭州市应急管理局发布预警。联系电话138 1234 5678，"
                + "邮箱 test@example.com，太糟糕了[怒] @杭州发布 http://t.cn/A6abc"));
        assertThat(p.title).isEqualTo("突发:杭州暴雨");
        assertThat(p.text).contains("138 **** 5678").contains("t***@example.com").doesNotContain("1234 5678");
        assertThat(p.hashtags).containsExactly("杭州暴雨");
        assertThat(p.mentions).containsExactly("杭州发布");
        assertThat(p.urls).containsExactly("http://t.cn/A6abc");
        assertThat(p.emoticons).containsExactly("[怒]");
        assertThat(p.keywords).contains("暴雨").doesNotContain("的");
        assertThat(p.places).contains("杭州", "西湖区");
        assertThat(p.organizations).contains("应急管理局");
        assertThat(p.region).isEqualTo("浙江");
        assertThat(p.sentiment.label).isEqualTo(Sentiment.NEGATIVE);
        assertThat(p.simhash).isNotZero();
        assertThat(p.textHash).hasSize(32);
        assertThat(p.author.id).isEqualTo("u1");
    }

    @Test
    void exactAndNearDuplicatesShareHashes() {
        PostEnricher e = PostEnricher.create(AnalyticsSettings.defaults());
        Post a = e.enrich(post("a", "市区主干道发生一起交通事故，两车相撞，造成三人受伤，交警已到现场处置，请过往车辆绕行。"));
        Post b = e.enrich(post("b", "市区主干道发生一起交通事故,两车相撞,造成三人受伤,交警已到现场处置,请过往车辆绕行!"));
        Post c = e.enrich(post("c", "市区主干道发生一起交通事故，两车相撞，造成四人受伤，交警已到现场处置，请过往车辆绕行。[泪]"));
        assertThat(b.textHash).isEqualTo(a.textHash);
        assertThat(c.textHash).isNotEqualTo(a.textHash);
        assertThat(Long.bitCount(a.simhash ^ c.simhash)).isLessThanOrEqualTo(3);
    }

    @Test
    void concurrentEnrichmentMatchesSequential() throws Exception {
        PostEnricher e = PostEnricher.create(AnalyticsSettings.defaults());
        List<String> texts = List.of("送餐太慢了[怒] 电话13812345678", "#周末# 西湖边的夕阳太美了😍", "北京朝阳区一小区发生火灾，暂无人员伤亡。",
                "这家火锅店真的绝了，服务热情，强烈推荐👍", "难道这就是五星级酒店吗？房间又脏又吵");
        List<String> expected = texts.stream().map(t -> Json.write(e.enrich(post("s", t)))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String t = texts.get(i % texts.size());
                futures.add(pool.submit(() -> Json.write(e.enrich(post("s", t)))));
            }
            for (int i = 0; i < futures.size(); i++) assertThat(futures.get(i).get()).isEqualTo(expected.get(i % texts.size()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyPostGetsNoHashes() {
        Post p = post("r", "");
        p.title = null;
        PostEnricher.create(AnalyticsSettings.defaults()).enrich(p);
        assertThat(p.textHash).isNull();
        assertThat(p.simhash).isZero();
        assertThat(p.sentiment.label).isEqualTo(Sentiment.NEUTRAL);
        assertThat(p.keywords).isEmpty();
        assertThat(p.region).isEqualTo("浙江");
    }

    @Test
    void settingsBindFromConfigAndRejectUnknownKeys() throws Exception {
        AnalyticsSettings s = AnalyticsSettings.from(Config.fromYaml(
                "analytics:\n  sentiment:\n    neutralThreshold: 0.3\n  privacy:\n    mask: false\n  incident:\n    anything: 1\n"));
        assertThat(s.sentiment.neutralThreshold).isEqualTo(0.3);
        assertThat(s.privacy.mask).isFalse();
        assertThat(s.sentiment.model).isEqualTo("config/models/sentiment.model");
        assertThat(AnalyticsSettings.from(Config.empty()).keywords.max).isEqualTo(8);
        assertThatThrownBy(() -> AnalyticsSettings.from(Config.fromYaml("analytics:\n  sentimnet: {}\n")))
                .hasMessageContaining("sentimnet");
        assertThatThrownBy(() -> AnalyticsSettings.from(Config.fromYaml("analytics:\n  dedup:\n    maxHamming: 5\n")))
                .hasMessageContaining("maxHamming");
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(s);
    }

    @Test
    void shippedAnalyticsYamlHoldsTheDefaults() {
        Config c = Config.load(List.of(Resources.configDir().resolve("analytics.yaml")), Map.of());
        assertThat(AnalyticsSettings.from(c).cacheKey()).isEqualTo(AnalyticsSettings.defaults().cacheKey());
    }

    @Test
    void maskingCanBeTurnedOffAndPseudonymisationNeedsTheKey() {
        AnalyticsSettings s = AnalyticsSettings.defaults();
        s.privacy.mask = false;
        s.sentiment.enabled = false;
        Post p = PostEnricher.create(s).enrich(post("m", "电话13812345678"));
        assertThat(p.text).isEqualTo("电话13812345678");
        assertThat(p.sentiment).isNull();
        AnalyticsSettings k = AnalyticsSettings.defaults();
        k.privacy.pseudonymiseAuthors = true;
        k.privacy.keyEnv = "FENGXIANG_TEST_KEY_THAT_IS_NOT_SET_7f3a";
        assertThatThrownBy(() -> PostEnricher.create(k)).hasMessageContaining("FENGXIANG_TEST_KEY_THAT_IS_NOT_SET_7f3a");
    }
}
