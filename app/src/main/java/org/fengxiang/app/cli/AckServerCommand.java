package org.fengxiang.app.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.fengxiang.alerting.ack.AckServer;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.core.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fengxiang ack-server}: the acknowledgement endpoint alone (run and demo start it themselves). */
@Command(name = "ack-server", mixinStandardHelpOptions = true,
        description = "Serve the acknowledgement links of alert e-mails (mail.ack in config/delivery.yaml) until Ctrl-C.")
public final class AckServerCommand implements Callable<Integer> {
    @Option(names = "--no-elasticsearch", description = "Only record acknowledgements in the ack store, do not mark alert documents.")
    boolean noElasticsearch;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        MailSettings mail = cfg.section("mail", MailSettings.class).validate();
        if (!mail.ack.enabled) throw new IllegalArgumentException("mail.ack.enabled is false: no acknowledgement links are issued");
        EsSettings es = noElasticsearch ? null : Endpoint.elasticsearch(cfg);
        CountDownLatch stop = new CountDownLatch(1);
        try (AckServer server = AckServer.start(mail.ack, es, mail.zone, System.getenv())) {
            System.out.println("acknowledgement endpoint on http://" + mail.ack.bind + ":" + server.port() + "/ack (links: "
                    + mail.ack.baseUrl + "/ack); Ctrl-C stops it");
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return 0;
    }
}
