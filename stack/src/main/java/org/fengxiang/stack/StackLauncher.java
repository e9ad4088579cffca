package org.fengxiang.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Launches the service JVMs of one stack in parallel, waits for them, and stops them. */
final class StackLauncher {
    private final StackLayout layout;
    private final EmbeddedStack.Builder cfg;
    private final Path logConfig;

    StackLauncher(StackLayout layout, EmbeddedStack.Builder cfg, Path logConfig) {
        this.layout = layout;
        this.cfg = cfg;
        this.logConfig = logConfig;
    }

    /** Launches every configured service, records pids in {@code children}, and waits until all are ready. */
    Endpoints launchAll(Map<Service, ChildProcess> children) {
        boolean watch = !cfg.detached;
        String ownClasspath = System.getProperty("java.class.path");
        int kafkaPort = 0;
        int smtpPort = 0;
        int imapPort = 0;
        if (cfg.services.contains(Service.ELASTICSEARCH)) {
            checkFree("elasticsearch", cfg.elasticsearchPort);
            add(children, ChildProcess.launch(Service.ELASTICSEARCH, layout, EsNodeClasspath.resolve(), cfg.elasticsearchHeapMb, cfg.jvmOptions,
                    List.of("home=" + layout.serviceDir(Service.ELASTICSEARCH), "http.port=" + cfg.elasticsearchPort,
                            "cluster.name=" + cfg.clusterName, "port.file=" + layout.readyFile(Service.ELASTICSEARCH),
                            "watch.parent=" + watch), logConfig, cfg.detached));
        }
        if (cfg.services.contains(Service.KAFKA)) {
            kafkaPort = checkFree("kafka", Ports.orFree(cfg.kafkaPort));
            int controllerPort = checkFree("kafka controller", Ports.orFree(cfg.kafkaControllerPort));
            add(children, ChildProcess.launch(Service.KAFKA, layout, ownClasspath, cfg.kafkaHeapMb, cfg.jvmOptions,
                    List.of("dir=" + layout.serviceDir(Service.KAFKA), "port=" + kafkaPort, "controller.port=" + controllerPort,
                            "ready.file=" + layout.readyFile(Service.KAFKA), "watch.parent=" + watch), logConfig, cfg.detached));
        }
        if (cfg.services.contains(Service.MAIL)) {
            smtpPort = checkFree("smtp", Ports.orFree(cfg.smtpPort));
            imapPort = checkFree("imap", Ports.orFree(cfg.imapPort));
            add(children, ChildProcess.launch(Service.MAIL, layout, ownClasspath, cfg.mailHeapMb, cfg.jvmOptions,
                    List.of("smtp.port=" + smtpPort, "imap.port=" + imapPort, "mail.dir=" + layout.mailDir(),
                            "ready.file=" + layout.readyFile(Service.MAIL), "watch.parent=" + watch), logConfig, cfg.detached));
        }
        return awaitAll(children, kafkaPort, smtpPort, imapPort);
    }

    private Endpoints awaitAll(Map<Service, ChildProcess> children, int kafkaPort, int smtpPort, int imapPort) {
        long deadline = System.nanoTime() + cfg.startTimeout.toNanos();
        String esUrl = null;
        ChildProcess es = children.get(Service.ELASTICSEARCH);
        if (children.containsKey(Service.KAFKA)) children.get(Service.KAFKA).awaitReady(remaining(deadline));
        if (children.containsKey(Service.MAIL)) children.get(Service.MAIL).awaitReady(remaining(deadline));
        if (es != null) {
            Path portFile = es.awaitReady(remaining(deadline));
            esUrl = "http://127.0.0.1:" + readTrimmed(portFile);
            String problem = ElasticsearchProbe.awaitHealthy(esUrl, remaining(deadline));
            if (problem != null) throw es.failure("elasticsearch at " + esUrl + " is not healthy: " + problem);
        }
        boolean mail = children.containsKey(Service.MAIL);
        return new Endpoints(kafkaPort == 0 ? null : "127.0.0.1:" + kafkaPort, esUrl, mail ? "127.0.0.1" : null,
                smtpPort, imapPort, mail ? layout.mailDir() : null, layout.dataDir());
    }

    private void add(Map<Service, ChildProcess> children, ChildProcess c) {
        children.put(c.service(), c);
        layout.writePid(c.service(), c.pid());
    }

    private static int checkFree(String what, int port) {
        if (port != 0 && Ports.listening(port)) {
            throw new StackException(what + " port 127.0.0.1:" + port + " is already in use (is a stack already running?"
                    + " stop it, or choose other ports)");
        }
        return port;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static String readTrimmed(Path f) {
        try {
            return Files.readString(f).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM to all, then waits for each (killing those that outlast the timeout) and removes their run files. */
    static List<Service> stop(List<ChildProcess> list, Duration timeout, StackLayout layout) {
        list.forEach(ChildProcess::requestStop);
        List<Service> killed = new ArrayList<>();
        for (ChildProcess c : list) {
            if (!c.awaitStop(timeout)) killed.add(c.service());
            layout.deleteRunFiles(c.service());
        }
        return killed;
    }
}
