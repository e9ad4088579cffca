package org.fengxiang.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.fengxiang.core.Config;
import org.fengxiang.core.Resources;
import org.junit.jupiter.api.Test;

class AlertRulesSettingsTest {
    @Test
    void theShippedFileBindsToTheDefaults() throws Exception {
        Config c = Config.fromYaml(Files.readString(Resources.configDir().resolve("alerting.yaml")));
        AlertRulesSettings s = AlertRulesSettings.from(c);
        assertThat(s).usingRecursiveComparison().isEqualTo(new AlertRulesSettings());
        assertThat(s.watchedTerms()).contains("爆炸", "强拆");
    }

    @Test
    void overridesAndValidation() {
        Config c = Config.fromYaml("alerting:\n  rules:\n    minPosts: 10\n").with(java.util.Map.of("alerting.rules.spike.z", "5"));
        AlertRulesSettings s = AlertRulesSettings.from(c);
        assertThat(s.minPosts).isEqualTo(10);
        assertThat(s.spike.z).isEqualTo(5.0);
        assertThatThrownBy(() -> AlertRulesSettings.from(Config.fromYaml("alerting:\n  rules:\n    spike:\n      zz: 3\n")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("zz");
        assertThatThrownBy(() -> AlertRulesSettings.from(Config.fromYaml(
                "alerting:\n  rules:\n    levels: {blue: 100, yellow: 50, orange: 1000, red: 5000}\n")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("alerting.rules.levels");
    }
}
