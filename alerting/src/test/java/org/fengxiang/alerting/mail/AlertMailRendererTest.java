package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.fengxiang.core.Alert;
import org.junit.jupiter.api.Test;

class AlertMailRendererTest {
    final MailSettings settings = MailFixtures.settings(25);

    @Test
    void subjectCarriesGradeStatusAndTitleWithoutLineBreaks() throws Exception {
        AlertMailRenderer r = new AlertMailRenderer(settings);
        Alert a = MailFixtures.alert("a1", 2, Alert.RED, "escalated");
        a.title = "标题\r\nBcc: evil@attacker.test\n第二行";
        String s = r.subject(a, AlertContext.empty());
        assertThat(s).startsWith("【红色 Ⅰ级预警·升级】").doesNotContain("\r").doesNotContain("\n")
                .contains("Bcc: evil@attacker.test");
    }

    @Test
    void untrustedPostTextIsEscapedAndOnlyHttpLinksAreKept() throws Exception {
        RenderedMail m = new AlertMailRenderer(settings).render(MailFixtures.alert("a1", 1, Alert.RED, "open"),
                MailFixtures.context("inc-a1"));
        assertThat(m.html()).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<b>小王</b>").contains("江边住户&lt;b&gt;小王&lt;/b&gt;")
                .doesNotContain("javascript:").contains("href=\"https://news.example/a/3301\"");
        assertThat(m.text()).contains("<script>alert('x')</script>");
    }

    @Test
    void bodyExplainsWhyWithNumbersFiguresOriginSpreadersAndEvidence() throws Exception {
        RenderedMail m = new AlertMailRenderer(settings).render(MailFixtures.alert("a1", 1, Alert.ORANGE, "open"),
                MailFixtures.context("inc-a1"));
        for (String part : new String[] {m.text(), m.html()}) {
            assertThat(part).contains("触发原因", "超出 38.2σ", "13.5 倍", "帖子数: 131", "独立作者: 97",
                    "负面 93 (71%)", "增长: ×4.2", "源头帖子", "粉丝 312", "主要传播者", "u-city-news", "转发覆盖 54",
                    "证据", "环保部门回应", "2026-11-20 14:05:00 +08:00");
        }
        assertThat(m.text()).contains("https://weibo.example/Nx1");
        assertThat(m.html()).contains("#e67e22").contains("fengxiang-dashboard-incident");
    }

    @Test
    void rendersWithOnlyWhatTheAlertCarries() throws Exception {
        Alert a = MailFixtures.alert("a1", 1, Alert.BLUE, "open");
        RenderedMail m = new AlertMailRenderer(settings).render(a, AlertContext.empty());
        assertThat(m.text()).contains("帖子数: 128", "weibo:Nx1", "news:bj-3301").doesNotContain("主要传播者");
        assertThat(m.subject()).startsWith("【蓝色 Ⅳ级预警·新预警】");
    }

    @Test
    void anEarlyWarningSaysItIsProvisional() throws Exception {
        Alert a = MailFixtures.alert("early-inc-a1-202611201405", 1, Alert.ORANGE, "early");
        RenderedMail m = new AlertMailRenderer(settings).render(a, AlertContext.empty());
        assertThat(m.subject()).startsWith("【橙色 Ⅱ级预警·初判·待确认】");
        assertThat(m.text()).contains("状态: 初判·待确认");
    }

    @Test
    void templatePlaceholdersInPostTextAreNotExpanded() {
        String out = AlertMailRenderer.fill("<t>{{title}}</t><b>{{body}}</b>",
                java.util.Map.of("title", "{{body}}", "body", "X"));
        assertThat(out).isEqualTo("<t>{{body}}</t><b>X</b>");
    }
}
