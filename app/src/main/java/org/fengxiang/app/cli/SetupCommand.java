package org.fengxiang.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.es.KibanaSetup;
import org.fengxiang.alerting.es.Retention;
import org.fengxiang.core.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fengxiang setup elasticsearch|kibana} and {@code fengxiang es retention}. */
final class SetupCommand {
    private SetupCommand() {}

    /** Installs index templates and aliases, or imports the Kibana saved objects. */
    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = "setup elasticsearch: install/upgrade templates and aliases (idempotent); setup kibana --url URL: import dashboards.")
    static final class Setup implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "elasticsearch|kibana") String what;
        @Option(names = "--url", paramLabel = "URL", description = "Kibana URL (for setup kibana).") String url;
        @Mixin ConfigOptions config;

        @Override
        public Integer call() throws Exception {
            switch (what) {
                case "elasticsearch" -> {
                    EsSettings es = Endpoint.elasticsearch(config.load());
                    ElasticsearchClient c = EsClients.create(es);
                    try {
                        IndexSetup.install(c, es).forEach(System.out::println);
                    } finally {
                        EsClients.close(c);
                    }
                }
                case "kibana" -> {
                    if (url == null) throw new IllegalArgumentException("setup kibana needs --url");
                    System.out.println(KibanaSetup.importObjects(url, Resources.home().resolve(KibanaSetup.DEFAULT_FILE)));
                }
                default -> throw new IllegalArgumentException("unknown target '" + what + "': elasticsearch or kibana");
            }
            return 0;
        }
    }

    /** Deletes whole expired monthly post indices. */
    @Command(name = "es", mixinStandardHelpOptions = true, description = "es retention --keep 180d: delete whole post indices older than that.")
    static final class Es implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "retention") String what;
        @Option(names = "--keep", required = true, paramLabel = "AGE", description = "e.g. 180d") String keep;
        @Mixin ConfigOptions config;

        @Override
        public Integer call() throws Exception {
            if (!"retention".equals(what)) throw new IllegalArgumentException("unknown action '" + what + "': retention");
            EsSettings es = Endpoint.elasticsearch(config.load());
            ElasticsearchClient c = EsClients.create(es);
            try {
                var deleted = Retention.deleteOlderThan(c, es, Retention.parseKeep(keep), Instant.now());
                System.out.println(deleted.isEmpty() ? "nothing to delete" : "deleted " + deleted);
            } finally {
                EsClients.close(c);
            }
            return 0;
        }
    }
}
