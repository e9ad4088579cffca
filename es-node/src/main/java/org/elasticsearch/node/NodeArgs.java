package org.elasticsearch.node;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.elasticsearch.common.settings.Settings;

/** The command-line arguments of {@link FengxiangEsNode}, turned into node settings. */
record NodeArgs(Path home, int httpPort, String clusterName, String nodeName, Path portFile, boolean watchParent) {

    static NodeArgs parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            m.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String home = m.remove("home");
        if (home == null) throw new IllegalArgumentException("missing home=DIR");
        int port = Integer.parseInt(m.getOrDefault("http.port", "9200"));
        if (port < 0 || port > 65535) throw new IllegalArgumentException("bad http.port " + port);
        String pf = m.remove("port.file");
        NodeArgs a = new NodeArgs(Path.of(home).toAbsolutePath().normalize(), port,
                m.getOrDefault("cluster.name", "fengxiang"), m.getOrDefault("node.name", "fengxiang-node"),
                pf == null ? null : Path.of(pf).toAbsolutePath(), Boolean.parseBoolean(m.getOrDefault("watch.parent", "false")));
        m.keySet().removeAll(java.util.Set.of("http.port", "cluster.name", "node.name", "watch.parent"));
        if (!m.isEmpty()) throw new IllegalArgumentException("unknown arguments " + m.keySet());
        return a;
    }

    Path configDir() {
        return home.resolve("config");
    }

    Settings settings() {
        return Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", clusterName)
                .put("node.name", nodeName)
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", 0)
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.destructive_requires_name", false)
                .put("logger.level", "WARN")
                .put("logger.org.elasticsearch.node", "INFO")
                .put("logger.org.elasticsearch.cluster.metadata", "INFO")
                .build();
    }
}
