package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.junit.jupiter.api.Test;

class HeldElementsTest {
    private static HeldElements.Held held(String key, int group, long time, String value) {
        return new HeldElements.Held(key, group, time, value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> values(List<HeldElements.Held> hs) {
        List<String> out = new ArrayList<>();
        for (HeldElements.Held h : hs) out.add(h.key() + ":" + new String(h.bytes(), StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void elementsComeOutByTimeThenArrival() {
        HeldElements e = new HeldElements();
        assertThat(e.firstTime()).isEqualTo(Long.MAX_VALUE);
        e.add(held("b", 1, 20, "x"));
        e.add(held("a", 0, 10, "y"));
        e.add(held("c", 2, 20, "z"));
        e.add(held("a", 0, 20, "w"));
        assertThat(e.size()).isEqualTo(4);
        assertThat(e.firstTime()).isEqualTo(10);
        assertThat(values(e.takeFirst())).containsExactly("a:y");
        assertThat(values(e.takeFirst())).containsExactly("b:x", "c:z", "a:w");
        assertThat(e.isEmpty()).isTrue();
        assertThat(e.takeFirst()).isEmpty();
    }

    @Test
    void keyGroupsRoundTripThroughTheirOwnEncoding() throws Exception {
        HeldElements e = new HeldElements();
        e.add(held("风向", 5, 30, "后"));
        e.add(held("k", 4, 10, "先"));
        e.add(held("风向", 5, 10, "前"));
        List<List<HeldElements.Held>> groups = e.byKeyGroup(4, 6);
        assertThat(groups).hasSize(3);
        assertThat(values(groups.get(1))).containsExactly("风向:前", "风向:后");
        assertThat(groups.get(2)).isEmpty();

        HeldElements back = new HeldElements();
        for (int g = 0; g < groups.size(); g++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            HeldElements.write(groups.get(g), new DataOutputStream(bytes));
            back.read(4 + g, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        }
        assertThat(back.size()).isEqualTo(3);
        List<HeldElements.Held> first = back.takeFirst();
        assertThat(values(first)).containsExactlyInAnyOrder("k:先", "风向:前");
        assertThat(first).extracting(HeldElements.Held::keyGroup).containsExactlyInAnyOrder(4, 5);
        assertThat(values(back.takeFirst())).containsExactly("风向:后");
    }

    @Test
    void anElementOutsideTheInstancesKeyGroupsIsAnError() {
        HeldElements e = new HeldElements();
        e.add(held("k", 9, 1, "v"));
        assertThatThrownBy(() -> e.byKeyGroup(0, 3)).isInstanceOf(IllegalStateException.class).hasMessageContaining("key group 9");
    }

    @Test
    void releaseInterleavesTimersAndOrdersTiesByTheFunctionOrder() throws Exception {
        HeldInput<String> in = new HeldInput<>(StringSerializer.INSTANCE, s -> Long.parseLong(s.substring(0, 2)),
                java.util.Comparator.naturalOrder(), 128);
        in.hold("k1", "20b", 20);
        in.hold("k2", "10a", 10);
        in.hold("k1", "20a", 20);
        in.hold("k3", "40a", 40);
        List<String> log = new ArrayList<>();
        in.release(30, t -> log.add("timers<=" + t), (key, s, t) -> log.add(key + ":" + s + "@" + t));
        assertThat(log).containsExactly("timers<=9", "k2:10a@10", "timers<=19", "k1:20a@20", "k1:20b@20");
        assertThat(in.size()).isEqualTo(1);
        log.clear();
        in.release(Long.MAX_VALUE, t -> log.add("timers<=" + t), (key, s, t) -> log.add(key + ":" + s + "@" + t));
        assertThat(log).containsExactly("timers<=39", "k3:40a@40");
        assertThat(in.size()).isZero();
    }
}
