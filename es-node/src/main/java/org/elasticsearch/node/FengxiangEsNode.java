package org.elasticsearch.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * A single real Elasticsearch node for the Fengxiang embedded stack, started from Maven jars in its own JVM.
 * Arguments are {@code key=value} pairs: {@code home=DIR} (required; data under DIR/data, logs under DIR/logs),
 * {@code http.port=N} (0 = ephemeral), {@code cluster.name=NAME}, {@code port.file=FILE} (the bound HTTP port
 * is written there once the node is started), {@code watch.parent=true|false} (exit when the parent dies or
 * stdin reaches EOF). SIGTERM closes the node cleanly.
 */
public final class FengxiangEsNode {
    private FengxiangEsNode() {}

    /** The node itself: a plain {@link Node} whose plugins come from the classpath. */
    static final class ClasspathNode extends Node {
        ClasspathNode(Environment env) {
            super(NodeConstruction.prepareConstruction(env, null, new ClasspathPluginsProvider(), true));
        }
    }

    /** Starts the node and blocks until the JVM is asked to exit; a start-up failure halts the JVM with code 1. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            org.apache.logging.log4j.LogManager.getLogger(FengxiangEsNode.class).error("the node failed to start", t);
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        NodeArgs a = NodeArgs.parse(args);
        Settings settings = a.settings();
        LogConfigurator.configureESLogging();
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(a.nodeName());
        LogConfigurator.setClusterName(a.clusterName());
        installLoggingConfig(a.configDir());
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), a.configDir(), a::nodeName);
        LogConfigurator.configure(env, true);
        Node node = new ClasspathNode(env);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(node, stopped), "es-node-shutdown"));
        if (a.watchParent()) ParentWatch.start(); // from here on: the node is closed by the hook if the owner dies
        node.start();
        int port = boundPort(node);
        if (a.portFile() != null) writeAtomically(a.portFile(), Integer.toString(port));
        org.apache.logging.log4j.LogManager.getLogger(FengxiangEsNode.class).info("FENGXIANG-ES-READY http://127.0.0.1:{}", port);
        stopped.await();
    }

    private static int boundPort(Node node) {
        TransportAddress addr = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        return addr.getPort();
    }

    private static void closeQuietly(Node node, CountDownLatch stopped) {
        try {
            node.close();
            node.awaitClose(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException | RuntimeException e) {
            org.apache.logging.log4j.LogManager.getLogger(FengxiangEsNode.class).warn("error while closing the node", e);
        } finally {
            stopped.countDown();
        }
    }

    /** Writes the node's log4j2.properties (console only; stdout is the node's log file) into its config dir. */
    private static void installLoggingConfig(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        try (var in = FengxiangEsNode.class.getResourceAsStream("/fengxiang-es-log4j2.properties")) {
            if (in == null) throw new IOException("fengxiang-es-log4j2.properties missing from the classpath");
            Files.copy(in, configDir.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Supplies the classpath plugins (HTTP transport and the root endpoint) instead of scanning a plugins dir. */
    private static final class ClasspathPluginsProvider extends NodeServiceProvider {
        @Override
        PluginsService newPluginService(Environment environment, PluginsLoader pluginsLoader) {
            return new MockPluginsService(environment.settings(), environment, List.of(Netty4Plugin.class, RootEndpointPlugin.class));
        }
    }
}
