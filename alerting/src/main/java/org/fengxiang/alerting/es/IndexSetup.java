package org.fengxiang.alerting.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Json;
import org.fengxiang.core.Resources;

/**
 * Installs or upgrades the component and index templates from {@code config/elasticsearch/}, creates
 * the non-time-based indices with their aliases, and applies additive mapping changes to existing
 * indices. Idempotent: running it again changes nothing.
 */
public final class IndexSetup {
    /** Component templates, installed first. */
    static final List<String> COMPONENTS = List.of("fengxiang-settings", "fengxiang-post-mappings",
            "fengxiang-incident-mappings", "fengxiang-alert-mappings", "fengxiang-mail-ledger-mappings");
    /** Index templates. */
    static final List<String> INDEX_TEMPLATES = List.of("fengxiang-posts", "fengxiang-incidents", "fengxiang-alerts",
            "fengxiang-alert-transitions", "fengxiang-mail-ledger");
    static final String DIR = "config/elasticsearch/";

    private IndexSetup() {}

    /** {@link #install(ElasticsearchClient, EsSettings)} with a client of its own, closed afterwards. */
    public static List<String> install(EsSettings settings) throws IOException {
        ElasticsearchClient client = EsClients.create(settings);
        try {
            return install(client, settings);
        } finally {
            EsClients.close(client);
        }
    }

    /** Installs everything; returns one line per action, for the CLI to print. */
    public static List<String> install(ElasticsearchClient client, EsSettings settings) throws IOException {
        EsIndices names = EsIndices.of(settings);
        List<String> done = new ArrayList<>();
        for (String c : COMPONENTS) {
            String name = rename(c, names.prefix());
            String body = load(DIR + "component/" + c + ".json", names.prefix());
            client.cluster().putComponentTemplate(b -> b.name(name).withJson(new StringReader(body)));
            done.add("component template " + name);
        }
        for (String t : INDEX_TEMPLATES) {
            String name = rename(t, names.prefix());
            String body = load(DIR + "index/" + t + ".json", names.prefix());
            client.indices().putIndexTemplate(b -> b.name(name).withJson(new StringReader(body)));
            done.add("index template " + name);
        }
        for (String index : List.of(names.incidentsIndex(), names.alertsIndex(), names.alertTransitionsIndex(),
                names.mailLedger())) {
            if (createIfAbsent(client, index)) done.add("created index " + index);
        }
        done.addAll(upgradeMappings(client, names));
        return done;
    }

    /** The mappings section of a component template file, as JSON, for the given prefix. */
    static String mappings(String component, String prefix) throws IOException {
        String body = load(DIR + "component/" + component + ".json", prefix);
        return Json.write(Json.tree(body).path("template").path("mappings"));
    }

    /** Reads a template file and renames {@code fengxiang-} names for another prefix. */
    static String load(String path, String prefix) throws IOException {
        try (InputStream in = Resources.open(path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return "fengxiang".equals(prefix) ? text : text.replace("\"fengxiang-", "\"" + prefix + "-");
        }
    }

    static String rename(String name, String prefix) {
        return prefix + name.substring("fengxiang".length());
    }

    private static boolean createIfAbsent(ElasticsearchClient client, String index) throws IOException {
        if (client.indices().exists(b -> b.index(index)).value()) return false;
        try {
            client.indices().create(b -> b.index(index));
            return true;
        } catch (ElasticsearchException | IOException e) {
            if ("resource_already_exists_exception".equals(EsClients.errorTypeOf(e))) return false;
            throw e;
        }
    }

    /** Puts the current mappings onto existing indices, so additive changes reach them (conflicts throw). */
    private static List<String> upgradeMappings(ElasticsearchClient client, EsIndices names) throws IOException {
        List<String> done = new ArrayList<>();
        String[][] targets = {
            {names.postsAlias() + "-*", "fengxiang-post-mappings"},
            {names.incidentsAlias() + "-*", "fengxiang-incident-mappings"},
            {names.alertsAlias() + "-*", "fengxiang-alert-mappings"},
            {names.alertTransitionsAlias() + "-*", "fengxiang-alert-mappings"},
            {names.mailLedger(), "fengxiang-mail-ledger-mappings"},
        };
        for (String[] t : targets) {
            String mapping = mappings(t[1], names.prefix());
            client.indices().putMapping(b -> b.index(t[0]).allowNoIndices(true).ignoreUnavailable(true)
                    .withJson(new StringReader(mapping)));
            done.add("mappings " + t[0]);
        }
        return done;
    }
}
