package org.fengxiang.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import org.fengxiang.core.Config;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultsAreTheFixedPortsAndAllServices() {
        StackSettings s = Config.empty().section("stack", StackSettings.class);
        s.validate();
        assertThat(s.kafkaPort).isEqualTo(19092);
        assertThat(s.elasticsearchPort).isEqualTo(19200);
        assertThat(s.smtpPort).isEqualTo(12525);
        assertThat(s.serviceSet()).isEqualTo(EnumSet.allOf(Service.class));
        assertThat(s.resolvedDataDir().isAbsolute()).isTrue();
        assertThat(s.resolvedDataDir().endsWith(Path.of("var", "stack"))).isTrue();
    }

    @Test
    void bindsTheYamlSectionAndRejectsUnknownKeys() {
        StackSettings s = Config.fromYaml("stack:\n  dataDir: /tmp/x\n  services: [kafka]\n  kafkaPort: 0\n  kafkaHeapMb: 256\n")
                .section("stack", StackSettings.class);
        assertThat(s.serviceSet()).containsExactly(Service.KAFKA);
        assertThat(s.kafkaPort).isZero();
        assertThat(s.kafkaHeapMb).isEqualTo(256);
        assertThat(s.resolvedDataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThatThrownBy(() -> Config.fromYaml("stack:\n  kafkaPrt: 1\n").section("stack", StackSettings.class))
                .hasMessageContaining("kafkaPrt");
    }

    @Test
    void validationNamesTheBadKey() {
        StackSettings s = new StackSettings();
        s.smtpPort = 70000;
        assertThatThrownBy(s::validate).hasMessageContaining("stack.smtpPort");
        StackSettings h = new StackSettings();
        h.elasticsearchHeapMb = 64;
        assertThatThrownBy(h::validate).hasMessageContaining("elasticsearchHeapMb");
        StackSettings e = new StackSettings();
        e.services = java.util.List.of();
        assertThatThrownBy(e::validate).hasMessageContaining("services");
    }
}
