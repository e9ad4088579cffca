package org.fengxiang.app.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fengxiang.app.cli.ConfigOptions;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.OfflineRun;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;

/**
 * The expected alert transitions of a fault test: an offline run of the same job graph over the same posts,
 * undisturbed. Decisions use event time only, so a live run that survived its faults must match it exactly.
 */
final class Oracle {
    private Oracle() {}

    /** The transitions (as {@link EsView#key}) of an offline run over the posts. */
    static Set<String> transitions(FaultPosts posts, Path work) throws Exception {
        Path in = posts.write(Files.createDirectories(work).resolve("posts.jsonl"));
        Components c = Components.from(new ConfigOptions().load()); // config/*.yaml, as the `run` child loads them
        OfflineRun.run(List.of(in), work.resolve("out"), 2, c.enrichment(), c.detection(), c.pipeline());
        Set<String> out = new TreeSet<>();
        for (String l : Files.readAllLines(work.resolve("out/alerts.jsonl"))) out.add(EsView.key(Json.read(l, Alert.class)));
        return out;
    }

    /**
     * The settled fields ({@link EsView#settledKey}) of the given posts in the offline run that
     * {@link #transitions} made in {@code work}.
     */
    static java.util.Map<String, String> settled(Path work, Set<String> ids) throws Exception {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String l : Files.readAllLines(work.resolve("out/posts.jsonl"))) {
            org.fengxiang.core.Post p = Json.read(l, org.fengxiang.core.Post.class);
            if (ids.contains(p.id)) out.put(p.id, EsView.settledKey(p.dupOf, p.incidentId, p.incidentRootId));
        }
        return out;
    }

    /** The alert ids among transition keys. */
    static Set<String> alertIds(Set<String> transitions) {
        Set<String> ids = new TreeSet<>();
        for (String t : transitions) ids.add(t.substring(0, t.indexOf('#')));
        return ids;
    }

    /** The {@code id#sequence} part of each transition key. */
    static Set<String> transitionIds(Set<String> transitions) {
        Set<String> ids = new TreeSet<>();
        for (String t : transitions) ids.add(t.substring(0, t.indexOf(' ')));
        return ids;
    }
}
