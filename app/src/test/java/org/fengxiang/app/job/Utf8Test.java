package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void everyStringComesBackAsItWas() throws Exception {
        char[] wide = new char[20_000];
        Arrays.fill(wide, '舆');
        List<String> strings = Arrays.asList(null, "", "a", "?", "什么?", "微博🔥热搜", "lone \uD83D surrogate?", "\uDC00",
                "x".repeat(127), "x".repeat(128), new String(wide), "控制\u0000字符\u0007");
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (String s : strings) Utf8.write(s, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (String s : strings) assertThat(Utf8.read(in)).isEqualTo(s);
        assertThat(in.available()).isZero();
    }

    @Test
    void chineseTextTakesItsUtf8SizeAndAShortTag() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        Utf8.write("风向舆情", out);
        assertThat(out.length()).isEqualTo(1 + 12);
    }
}
