package org.fengxiang.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft combined mode (broker + controller in one JVM), run as a child JVM of the
 * embedded stack. Arguments: {@code dir=DIR} (storage under DIR/data, cluster id in DIR/cluster.id),
 * {@code port=N} (PLAINTEXT on 127.0.0.1), {@code controller.port=N}, {@code ready.file=FILE} (written once the
 * broker answers), {@code watch.parent=true|false}.
 */
public final class KafkaMain {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaMain.class);

    private KafkaMain() {}

    /** Formats the storage if needed, starts the broker and blocks until the JVM is asked to exit. A start-up failure halts the JVM with code 1. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            ChildSupport.haltOnStartFailure("kafka", t);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> a = ChildSupport.parseArgs(args);
        ChildSupport.watchParentIf(Boolean.parseBoolean(a.getOrDefault("watch.parent", "false")));
        Path dir = Path.of(ChildSupport.required(a, "dir")).toAbsolutePath();
        int port = Integer.parseInt(ChildSupport.required(a, "port"));
        int controllerPort = Integer.parseInt(ChildSupport.required(a, "controller.port"));
        Path readyFile = Path.of(ChildSupport.required(a, "ready.file"));
        Properties props = brokerProperties(dir.resolve("data"), port, controllerPort);
        format(dir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping the broker");
            server.shutdown();
            server.awaitShutdown();
            LOG.info("broker stopped");
        }, "kafka-shutdown"));
        server.startup();
        awaitBrokerAnswers("127.0.0.1:" + port);
        ChildSupport.writeProperties(readyFile, Map.of("bootstrap", "127.0.0.1:" + port,
                "pid", Long.toString(ProcessHandle.current().pid())));
        LOG.info("FENGXIANG-KAFKA-READY 127.0.0.1:{}", port);
        ChildSupport.blockForever();
    }

    /** Broker settings for one node: every replication factor and min ISR is 1, no topic auto-creation. */
    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(Path dir, Properties props) throws IOException {
        Files.createDirectories(dir);
        Path idFile = dir.resolve("cluster.id");
        if (!Files.exists(idFile)) Files.writeString(idFile, Uuid.randomUuid().toString());
        String clusterId = Files.readString(idFile).trim();
        Path propsFile = dir.resolve("server.properties");
        try (var out = Files.newOutputStream(propsFile)) {
            props.store(out, "written by KafkaMain for the storage format step");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propsFile.toString(), "--ignore-formatted"}, ps);
        }
        LOG.info("storage format: {}", buf.toString(StandardCharsets.UTF_8).trim());
        if (rc != 0) throw new IllegalStateException("kafka storage format failed (" + rc + "): " + buf.toString(StandardCharsets.UTF_8));
    }

    private static void awaitBrokerAnswers(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(120, TimeUnit.SECONDS);
        }
    }
}
