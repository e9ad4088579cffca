package org.fengxiang.alerting.mail;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.MetricGroup;
import org.fengxiang.alerting.ack.AckLinks;
import org.fengxiang.alerting.ack.AckSecret;
import org.fengxiang.alerting.ack.AckStore;
import org.fengxiang.alerting.ack.AckToken;
import org.fengxiang.alerting.ack.FileAckStore;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.core.Alert;

/**
 * A Flink Sink V2 e-mailing each alert transition once (see {@link AlertMailer}). The ledger is the
 * Elasticsearch index {@code <prefix>-mail-ledger} when Elasticsearch settings are given (and
 * {@code mail.ledger} is auto or elasticsearch), else the file {@code mail.ledgerFile}. With
 * {@code mail.enabled: false} nothing is sent and no ledger is touched. Metrics in group {@code mail}.
 */
public final class AlertMailSink implements Sink<Alert> {
    private final MailSettings mail;
    private final EsSettings es;
    private final AlertContextLookup lookup;

    /** With Elasticsearch (ledger and context lookup there); {@code es} may be null for a file ledger. */
    public AlertMailSink(MailSettings mail, EsSettings es) {
        this(mail, es, es == null ? AlertContextLookup.none() : new EsAlertContextLookup(es));
    }

    /** With an explicit context lookup. */
    public AlertMailSink(MailSettings mail, EsSettings es, AlertContextLookup lookup) {
        this.mail = mail.validate();
        this.es = es;
        this.lookup = lookup == null ? AlertContextLookup.none() : lookup;
        if ("elasticsearch".equals(mail.ledger) && es == null) {
            throw new IllegalArgumentException("mail.ledger=elasticsearch needs Elasticsearch settings");
        }
    }

    /** The ledger the settings call for. */
    static MailLedger ledger(MailSettings mail, EsSettings es) throws IOException {
        if (es != null && !"file".equals(mail.ledger)) return new EsMailLedger(es);
        return FileMailLedger.open(Path.of(mail.ledgerFile));
    }

    @Override
    public SinkWriter<Alert> createWriter(WriterInitContext context) throws IOException {
        if (!mail.enabled) {
            AlertMailer off = new AlertMailer(mail, null, null, null, null);
            register(context.metricGroup().addGroup("mail"), off);
            return new Writer(off, false);
        }
        AlertMailer mailer = new AlertMailer(mail, new AlertMailRenderer(mail), new MailSender(mail), ledger(mail, es), lookup);
        AckStore acks = null;
        if (mail.ack.enabled) {
            AckLinks links = new AckLinks(mail.ack, new AckToken(AckSecret.resolve(mail.ack, System.getenv())));
            acks = new FileAckStore(mail.ack.storePath());
            mailer.withAcknowledgement(links, acks);
        }
        register(context.metricGroup().addGroup("mail"), mailer);
        Writer w = new Writer(mailer, true, acks);
        // one subtask scans the ledger for due escalations (processing-time timers run in the task thread)
        if (mail.escalation.enabled && !mail.escalation.steps.isEmpty() && context.getTaskInfo().getIndexOfThisSubtask() == 0) {
            w.scheduleEscalations(context.getProcessingTimeService(), mail.escalation.checkSeconds * 1000);
        }
        return w;
    }

    private static void register(MetricGroup g, AlertMailer m) {
        AlertMailer.MailStats s = m.stats();
        g.gauge("sent", s::sent);
        g.gauge("duplicatesSkipped", s::duplicates);
        g.gauge("suppressed", s::suppressed);
        g.gauge("failed", s::failed);
        g.gauge("disabled", s::disabled);
        g.gauge("resumed", s::resumed);
        g.gauge("escalations", s::escalations);
    }

    /** Sends synchronously in {@code write}: a transition is in the ledger before the next checkpoint. */
    private static final class Writer implements SinkWriter<Alert> {
        private final AlertMailer mailer;
        private final boolean closeMailer;
        private final AckStore acks;
        private volatile boolean closed;

        Writer(AlertMailer mailer, boolean closeMailer) {
            this(mailer, closeMailer, null);
        }

        Writer(AlertMailer mailer, boolean closeMailer, AckStore acks) {
            this.mailer = mailer;
            this.closeMailer = closeMailer;
            this.acks = acks;
        }

        /** Looks for due escalations every {@code periodMs} of processing time. */
        void scheduleEscalations(ProcessingTimeService time, long periodMs) {
            time.registerTimer(time.getCurrentProcessingTime() + periodMs, t -> {
                if (closed) return;
                try {
                    mailer.escalateDue();
                } catch (MessagingException e) {
                    throw new IOException("escalation mail failed: " + e.getMessage(), e);
                }
                scheduleEscalations(time, periodMs);
            });
        }

        @Override
        public void write(Alert alert, Context context) throws IOException, InterruptedException {
            try {
                mailer.deliver(alert);
            } catch (MessagingException e) {
                throw new IOException("alert mail for " + alert + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            // nothing buffered: every write completed its delivery
        }

        @Override
        public void close() throws IOException {
            closed = true;
            try {
                if (closeMailer) mailer.close();
            } finally {
                if (acks != null) acks.close();
            }
        }
    }
}
