package org.fengxiang.stack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail, plus IMAP) on 127.0.0.1, run as a child JVM of the embedded stack. Every received
 * message is also written as an {@code .eml} file into the mail directory. Arguments: {@code smtp.port=N},
 * {@code imap.port=N}, {@code mail.dir=DIR}, {@code ready.file=FILE}, {@code watch.parent=true|false}.
 */
public final class MailMain {
    private static final Logger LOG = LoggerFactory.getLogger(MailMain.class);

    private MailMain() {}

    /** Starts the mail server and blocks until the JVM is asked to exit. A start-up failure halts the JVM with code 1. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            ChildSupport.haltOnStartFailure("mail", t);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> a = ChildSupport.parseArgs(args);
        ChildSupport.watchParentIf(Boolean.parseBoolean(a.getOrDefault("watch.parent", "false")));
        int smtpPort = Integer.parseInt(ChildSupport.required(a, "smtp.port"));
        int imapPort = Integer.parseInt(ChildSupport.required(a, "imap.port"));
        Path mailDir = Path.of(ChildSupport.required(a, "mail.dir")).toAbsolutePath();
        Path readyFile = Path.of(ChildSupport.required(a, "ready.file"));
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        EmlWriter eml = new EmlWriter(mailDir, mail.getUserManager().getMessageDeliveryHandler());
        mail.getUserManager().setMessageDeliveryHandler(eml);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping the mail server");
            mail.stop();
        }, "mail-shutdown"));
        mail.start();
        ChildSupport.writeProperties(readyFile, Map.of("smtp.port", Integer.toString(mail.getSmtp().getPort()),
                "imap.port", Integer.toString(mail.getImap().getPort()), "mail.dir", mailDir.toString(),
                "pid", Long.toString(ProcessHandle.current().pid())));
        LOG.info("FENGXIANG-MAIL-READY smtp 127.0.0.1:{} imap 127.0.0.1:{} eml {}", mail.getSmtp().getPort(), mail.getImap().getPort(), mailDir);
        ChildSupport.blockForever();
    }
}
