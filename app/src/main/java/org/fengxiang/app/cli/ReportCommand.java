package org.fengxiang.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.fengxiang.app.report.ReportData;
import org.fengxiang.app.report.ReportRenderer;
import org.fengxiang.app.rerun.Reruns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fengxiang report}: a self-contained post-mortem HTML page for one incident. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a post-mortem HTML report (offline, charts included) for one incident of a rerun or an analyze output.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--incident", required = true, paramLabel = "ID", description = "Incident id.")
    String incident;

    @Option(names = "--rerun", paramLabel = "NAME", description = "Read the incident from this rerun (default: the newest rerun).")
    String rerun;

    @Option(names = "--dir", paramLabel = "DIR", description = "Read from an analyze output directory instead of a rerun.")
    Path dir;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output HTML file.")
    Path out;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "Time zone for the page (default: ${DEFAULT-VALUE}).")
    String zone;

    @Override
    public Integer call() throws Exception {
        Path source;
        String label;
        if (dir != null) {
            source = dir;
            label = "analyze " + dir;
        } else {
            String name = rerun != null ? rerun : Reruns.newest().orElseThrow(() -> new IllegalArgumentException("no reruns yet: give --dir or run fengxiang rerun"));
            source = Reruns.dir(name);
            label = "rerun " + name;
        }
        ReportData data = ReportData.fromAnalyzeOutput(source, incident);
        String html = new ReportRenderer(ZoneId.of(zone)).render(data, label);
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, html, StandardCharsets.UTF_8);
        System.out.printf("report for %s (%d posts, %d alert transitions) -> %s%n", incident, data.posts().size(),
                data.alerts().size(), out.toAbsolutePath());
        return 0;
    }
}
