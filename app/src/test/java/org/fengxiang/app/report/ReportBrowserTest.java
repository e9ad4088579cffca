package org.fengxiang.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report in headless Chromium (Debian's {@code chromium}, installed by .ci/run) offline and
 * checks the page shows its charts: the SVG elements are in the rendered DOM and the bars and alert
 * marks are painted in their colours.
 */
class ReportBrowserTest {
    @TempDir Path tmp;

    @Test
    void chartsRenderOfflineInHeadlessChromium() throws Exception {
        List<Post> posts = new ArrayList<>();
        posts.add(ReportTest.post("p0", 0, null, "negative"));
        for (int i = 1; i < 60; i++) posts.add(ReportTest.post("p" + i, i / 2, "p0", i % 3 == 0 ? "negative" : "neutral"));
        Incident inc = new Incident();
        inc.id = "inc-1";
        inc.title = "临江化工厂异味事件";
        inc.originPostId = "p0";
        inc.stage = "outbreak";
        Alert a = new Alert();
        a.incidentId = "inc-1";
        a.level = Alert.RED;
        a.status = "open";
        a.sequence = 1;
        a.detectedAtMillis = ReportTest.T0 + 12 * ReportTest.MIN;
        a.reasons = List.of("volume-spike: 40 posts in 10 min");
        Path html = tmp.resolve("report.html");
        Files.writeString(html, new ReportRenderer(ZoneId.of("Asia/Shanghai")).render(new ReportData(inc, posts, List.of(a)), "test"),
                StandardCharsets.UTF_8);

        String dom = chromium(html, "--dump-dom");
        assertThat(dom).contains("<svg class=\"chart timeline\"").contains("<svg class=\"chart sentiment\"").contains("临江化工厂异味事件");

        Path png = tmp.resolve("report.png");
        chromium(html, "--screenshot=" + png, "--window-size=1000,1100");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(count(img, 0x4e79a7)).as("timeline bars painted").isGreaterThan(2000);
        assertThat(count(img, 0xd62728)).as("red alert mark painted").isGreaterThan(50);
        assertThat(count(img, 0x2f4b7c)).as("sentiment trend painted").isGreaterThan(100);
    }

    private String chromium(Path html, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + tmp.resolve("profile")));
        cmd.addAll(List.of(extra));
        cmd.add(html.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        assertThat(p.exitValue()).as("chromium exit (see chromium.log)").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static long count(BufferedImage img, int rgb) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y) & 0xffffff;
                if (Math.abs(((c >> 16) & 255) - ((rgb >> 16) & 255)) < 8 && Math.abs(((c >> 8) & 255) - ((rgb >> 8) & 255)) < 8
                        && Math.abs((c & 255) - (rgb & 255)) < 8) n++;
            }
        }
        return n;
    }
}
