package org.fengxiang.analytics.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fengxiang.analytics.text.TextAnalyzer;
import org.fengxiang.core.Sentiment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentTrainerTest {
    private static TextAnalyzer text;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        text = TextAnalyzer.createDefault();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SentimentTrainerTest.class.getResource("/sentiment/" + name).toURI());
    }

    @Test
    void trainsDeterministicallyOnATinyFixtureAndPredictsClearCases() throws Exception {
        SentimentTrainer.Options o = new SentimentTrainer.Options(16, 20, 0.1, 1e-7, 0, 7);
        Path a = dir.resolve("a.model");
        Path b = dir.resolve("b.model");
        SentimentTrainer.Report r = SentimentTrainer.train(List.of(fixture("tiny-train.csv")), a, o, text);
        SentimentTrainer.train(List.of(fixture("tiny-train.csv")), b, o, text);
        assertThat(r.trainExamples()).isEqualTo(24);
        assertThat(r.labels()).containsExactly(Sentiment.NEGATIVE, Sentiment.POSITIVE);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        LinearModel model;
        try (InputStream in = Files.newInputStream(a)) {
            model = LinearModel.read(in);
        }
        SentimentAnalyzer modelOnly = new SentimentAnalyzer(model, null, SentimentAnalyzer.Params.defaults());
        assertThat(modelOnly.margin("味道很好，非常满意", text.analyze("味道很好，非常满意").tokens(), List.of())).isPositive();
        assertThat(modelOnly.margin("太慢了，饭都凉了，差评", text.analyze("太慢了，饭都凉了，差评").tokens(), List.of())).isNegative();
    }

    @Test
    void holdOutIsExcludedAndStable() throws Exception {
        SentimentTrainer.Options o = new SentimentTrainer.Options(12, 2, 0.1, 0, 50, 3);
        SentimentTrainer.Report r = SentimentTrainer.train(List.of(fixture("tiny-train.csv")), dir.resolve("m"), o, text);
        assertThat(r.trainExamples() + r.heldOutExamples()).isEqualTo(24);
        assertThat(r.heldOutExamples()).isBetween(1, 23);
        assertThat(HoldOut.isHeldOut("同一句话", 3, 50)).isEqualTo(HoldOut.isHeldOut("同一句话", 3, 50));
    }

    @Test
    void readsCsvWithQuotesAndJsonlWithTextLabels() throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "cat,label,review\n书籍,1,\"好书,\"\"推荐\"\"\n多行\"\n书籍,0,太差\n", StandardCharsets.UTF_8);
        assertThat(LabelledCorpus.read(csv)).containsExactly(
                new LabelledCorpus.Example(Sentiment.POSITIVE, "好书,\"推荐\"\n多行"),
                new LabelledCorpus.Example(Sentiment.NEGATIVE, "太差"));
        Path jsonl = dir.resolve("d.jsonl");
        Files.writeString(jsonl, "{\"label\":\"neutral\",\"text\":\"开会\"}\n{\"label\":\"positive\",\"review\":\"好\"}\n");
        assertThat(LabelledCorpus.read(jsonl)).extracting(LabelledCorpus.Example::label)
                .containsExactly(Sentiment.NEUTRAL, Sentiment.POSITIVE);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "label,body\n1,x\n");
        assertThatThrownBy(() -> LabelledCorpus.read(bad)).hasMessageContaining("review");
        assertThatThrownBy(() -> LabelledCorpus.label("maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void macroF1AveragesPerClassF1() {
        int[][] confusion = {{8, 0, 2}, {0, 0, 0}, {1, 0, 9}};
        double f1neg = 2 * (8 / 9.0) * (8 / 10.0) / (8 / 9.0 + 8 / 10.0);
        double f1pos = 2 * (9 / 11.0) * (9 / 10.0) / (9 / 11.0 + 9 / 10.0);
        assertThat(SentimentEval.macroF1(confusion, List.of(Sentiment.NEGATIVE, Sentiment.POSITIVE)))
                .isCloseTo((f1neg + f1pos) / 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void threeClassDataTrainsThreeClasses() throws Exception {
        Path jsonl = dir.resolve("three.jsonl");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            b.append("{\"label\":\"positive\",\"text\":\"很好很满意").append(i).append("\"}\n");
            b.append("{\"label\":\"negative\",\"text\":\"太差了失望").append(i).append("\"}\n");
            b.append("{\"label\":\"neutral\",\"text\":\"明天开会地点三楼").append(i).append("\"}\n");
        }
        Files.writeString(jsonl, b.toString());
        SentimentTrainer.Report r = SentimentTrainer.train(List.of(jsonl), dir.resolve("3.model"),
                new SentimentTrainer.Options(12, 10, 0.2, 0, 0, 1), text);
        assertThat(r.labels()).containsExactly(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE);
        assertThat(r.trainAccuracy()).isEqualTo(1.0);
    }
}
