package org.fengxiang.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fengxiang.core.Config;
import org.fengxiang.core.Resources;
import org.junit.jupiter.api.Test;

class IncidentSettingsTest {
    @Test
    void theShippedFileBindsToTheDefaults() throws Exception {
        Path file = Resources.configDir().resolve("incidents.yaml");
        IncidentSettings s = IncidentSettings.from(Config.fromYaml(Files.readString(file)));
        IncidentSettings d = new IncidentSettings();
        assertThat(s).usingRecursiveComparison().isEqualTo(d);
        assertThat(s.mobilisationTerms()).contains("集合", "游行");
    }

    @Test
    void unknownKeysAndBadValuesAreRejected() {
        assertThatThrownBy(() -> IncidentSettings.from(Config.fromYaml("incidents:\n  windowMinute: 5\n")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("windowMinute");
        assertThatThrownBy(() -> IncidentSettings.from(Config.fromYaml("incidents:\n  declineFraction: 2\n")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("incidents.declineFraction");
        assertThatThrownBy(() -> IncidentSettings.from(Config.fromYaml("incidents:\n  zone: Mars/Base\n")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("incidents.zone");
    }
}
