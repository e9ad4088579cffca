package org.fengxiang.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    public static class Section {
        public int size = 3;
        public String name = "x";
        public Inner inner = new Inner();
    }

    public static class Inner {
        public double ratio = 1.5;
    }

    @Test
    void bindsSectionsWithDefaultsAndOverrides() {
        Config c = Config.fromYaml("a:\n  b:\n    size: 7\n").with(Map.of("a.b.inner.ratio", "2.5", "a.b.name", "漢字"));
        Section s = c.section("a.b", Section.class);
        assertThat(s.size).isEqualTo(7);
        assertThat(s.inner.ratio).isEqualTo(2.5);
        assertThat(s.name).isEqualTo("漢字");
        assertThat(c.section("missing", Section.class).size).isEqualTo(3);
    }

    @Test
    void unknownKeysAreErrors() {
        Config c = Config.fromYaml("a:\n  sise: 7\n");
        assertThatThrownBy(() -> c.section("a", Section.class)).isInstanceOf(Config.ConfigException.class).hasMessageContaining("sise");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        Config c = Config.fromYaml("a:\n  size: 9\n");
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) { out.writeObject(c); }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            Config back = (Config) in.readObject();
            assertThat(back.section("a", Section.class).size).isEqualTo(9);
        }
    }
}
