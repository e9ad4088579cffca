package org.fengxiang.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;

/** What a post-mortem report is made of: the incident's latest snapshot, its posts and its alert transitions. */
public record ReportData(Incident incident, List<Post> posts, List<Alert> alerts) {
    public ReportData {
        posts = posts.stream().sorted(Comparator.comparingLong((Post p) -> p.eventTime).thenComparing(p -> p.id)).toList();
        alerts = alerts.stream().sorted(Comparator.comparingLong((Alert a) -> a.detectedAtMillis).thenComparing(a -> a.sequence)).toList();
    }

    /** Loads one incident from the output directory of {@code fengxiang analyze}. */
    public static ReportData fromAnalyzeOutput(Path dir, String incidentId) throws IOException {
        Incident incident = null;
        for (String line : lines(dir.resolve("incidents.jsonl"))) {
            Incident i = Json.read(line, Incident.class);
            if (incidentId.equals(i.id)) incident = i;
        }
        if (incident == null) throw new IllegalArgumentException("incident " + incidentId + " not found in " + dir.resolve("incidents.jsonl"));
        List<Post> posts = new ArrayList<>();
        try (Stream<String> s = Files.lines(dir.resolve("posts.jsonl"), StandardCharsets.UTF_8)) {
            s.filter(l -> l.contains(incidentId)).map(l -> Json.read(l, Post.class))
                    .filter(p -> incidentId.equals(p.incidentId)).forEach(posts::add);
        }
        List<Alert> alerts = new ArrayList<>();
        for (String line : lines(dir.resolve("alerts.jsonl"))) {
            Alert a = Json.read(line, Alert.class);
            if (incidentId.equals(a.incidentId)) alerts.add(a);
        }
        return new ReportData(incident, posts, alerts);
    }

    private static List<String> lines(Path f) throws IOException {
        if (!Files.isRegularFile(f)) throw new IllegalArgumentException("missing " + f);
        return Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }
}
