package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Map;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Config;
import org.fengxiang.core.Resources;
import org.junit.jupiter.api.Test;

class MailSettingsTest {
    @Test
    void theDefaultConfigurationBindsAndValidates() throws Exception {
        String text = Files.readString(Resources.configDir().resolve("delivery.yaml"));
        MailSettings s = Config.fromYaml(text).section("mail", MailSettings.class).validate();
        assertThat(s.enabled).isTrue();
        assertThat(s.recipients.get("red")).containsExactly("duty@localhost");
        assertThat(s.password(Map.of("FENGXIANG_SMTP_PASSWORD", "pw"))).isEqualTo("pw");
        assertThat(Config.fromYaml(text).with(Map.of("mail.enabled", "false")).section("mail", MailSettings.class).enabled)
                .isFalse();
    }

    @Test
    void unknownKeysAndBadValuesAreErrors() {
        assertThatThrownBy(() -> Config.fromYaml("mail:\n  pasword: x\n").section("mail", MailSettings.class))
                .isInstanceOf(Config.ConfigException.class);
        MailSettings s = new MailSettings();
        s.security = "ssl";
        assertThatThrownBy(s::validate).hasMessageContaining("none|starttls|tls");
        MailSettings t = new MailSettings();
        t.recipients = Map.of("purple", java.util.List.of("x@y"));
        assertThatThrownBy(t::validate).hasMessageContaining("purple");
    }

    @Test
    void quietHoursWrapMidnightInTheConfiguredZone() {
        MailSettings s = new MailSettings();
        s.quietHours = new MailSettings.QuietHours();
        MailRouting r = new MailRouting(s);
        Alert a = MailFixtures.alert("a", 1, Alert.ORANGE, "open");
        a.detectedAt = "2026-11-20T14:30:00Z"; // 22:30 in Shanghai
        assertThat(r.quiet(a)).isTrue();
        a.detectedAt = "2026-11-20T23:00:00Z"; // 07:00 next day in Shanghai
        assertThat(r.quiet(a)).isFalse();
        a.level = Alert.RED;
        a.detectedAt = "2026-11-20T14:30:00Z";
        assertThat(r.quiet(a)).isFalse();
    }
}
