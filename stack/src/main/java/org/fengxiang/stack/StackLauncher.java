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
    private int kafkaControllerPort;

    StackLauncher(StackLayout layout, EmbeddedStack.Builder cfg, Path logConfig) {
        this.layout = layout;
        this.cfg = cfg;
        this.logConfig = logConfig;
    }

    /** Launches every configured service, records pids in {@code children}, and waits until all are ready. */
    Endpoints launchAll(Map<Service, ChildProcess> children) {
        if (cfg.services.contains(Service.ELASTICSEARCH)) {
            launchElasticsearch(children, checkFree("elasticsearch", cfg.elasticsearchPort));
        }
        int kafkaPort = 0;
        if (cfg.services.contains(Service.KAFKA)) kafkaPort = launchKafka(children);
        if (cfg.services.contains(Service.MAIL)) {
            // GreenMail binds port 0 itself and reports the real ports in its ready file
            launchMail(children, checkFree("smtp", cfg.smtpPort), checkFree("imap", cfg.imapPort));
        }
        return awaitAll(children, kafkaPort);
    }

    /** Kafka needs its ports before it starts (the controller address is part of its config): chosen here. */
    private int launchKafka(Map<Service, ChildProcess> children) {
        int port = checkFree("kafka", Ports.orFree(cfg.kafkaPort));
        int controllerPort = checkFree("kafka controller", Ports.orFree(cfg.kafkaControllerPort));
        launchKafka(children, port, controllerPort);
        return port;
    }

    private void launchKafka(Map<Service, ChildProcess> children, int port, int controllerPort) {
        kafkaControllerPort = controllerPort;
        add(children, ChildProcess.launch(Service.KAFKA, layout, System.getProperty("java.class.path"), cfg.kafkaHeapMb, cfg.jvmOptions,
                List.of("dir=" + layout.serviceDir(Service.KAFKA), "port=" + port, "controller.port=" + controllerPort,
                        "ready.file=" + layout.readyFile(Service.KAFKA), "watch.parent=" + !cfg.detached), logConfig, cfg.detached));
    }

    /**
     * Launches one service again on the ports it had ({@code endpoints}) and the same data directory, and waits
     * until it answers (fault tests: a broker, node or mail server that went away and comes back).
     */
    void relaunch(Service s, Endpoints endpoints, Map<Service, ChildProcess> children) {
        long deadline = System.nanoTime() + cfg.startTimeout.toNanos();
        switch (s) {
            case KAFKA -> {
                int port = Integer.parseInt(endpoints.kafkaBootstrap().substring(endpoints.kafkaBootstrap().lastIndexOf(':') + 1));
                launchKafka(children, port, kafkaControllerPort);
                children.get(s).awaitReady(remaining(deadline));
            }
            case ELASTICSEARCH -> {
                String url = endpoints.elasticsearchUrl();
                launchElasticsearch(children, Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
                children.get(s).awaitReady(remaining(deadline));
                String problem = ElasticsearchProbe.awaitHealthy(url, remaining(deadline));
                if (problem != null) throw children.get(s).failure("elasticsearch at " + url + " is not healthy: " + problem);
            }
            case MAIL -> {
                launchMail(children, endpoints.smtpPort(), endpoints.imapPort());
                children.get(s).awaitReady(remaining(deadline));
            }
        }
    }

    private void launchElasticsearch(Map<Service, ChildProcess> children, int httpPort) {
        add(children, ChildProcess.launch(Service.ELASTICSEARCH, layout, EsNodeClasspath.resolve(), cfg.elasticsearchHeapMb, cfg.jvmOptions,
                List.of("home=" + layout.serviceDir(Service.ELASTICSEARCH), "http.port=" + httpPort,
                        "cluster.name=" + cfg.clusterName, "port.file=" + layout.readyFile(Service.ELASTICSEARCH),
                        "watch.parent=" + !cfg.detached), logConfig, cfg.detached));
    }

    private void launchMail(Map<Service, ChildProcess> children, int smtpPort, int imapPort) {
        add(children, ChildProcess.launch(Service.MAIL, layout, System.getProperty("java.class.path"), cfg.mailHeapMb, cfg.jvmOptions,
                List.of("smtp.port=" + smtpPort, "imap.port=" + imapPort, "mail.dir=" + layout.mailDir(),
                        "ready.file=" + layout.readyFile(Service.MAIL), "watch.parent=" + !cfg.detached), logConfig, cfg.detached));
    }

    private Endpoints awaitAll(Map<Service, ChildProcess> children, int kafkaPort) {
        long deadline = System.nanoTime() + cfg.startTimeout.toNanos();
        if (children.containsKey(Service.KAFKA)) kafkaPort = awaitKafka(children, kafkaPort, deadline);
        Map<String, String> mail = Map.of();
        if (children.containsKey(Service.MAIL)) mail = readProperties(children.get(Service.MAIL).awaitReady(remaining(deadline)));
        String esUrl = null;
        ChildProcess es = children.get(Service.ELASTICSEARCH);
        if (es != null) {
            esUrl = "http://127.0.0.1:" + readTrimmed(es.awaitReady(remaining(deadline)));
            String problem = ElasticsearchProbe.awaitHealthy(esUrl, remaining(deadline));
            if (problem != null) throw es.failure("elasticsearch at " + esUrl + " is not healthy: " + problem);
        }
        boolean hasMail = !mail.isEmpty();
        return new Endpoints(kafkaPort == 0 ? null : "127.0.0.1:" + kafkaPort, esUrl, hasMail ? "127.0.0.1" : null,
                hasMail ? Integer.parseInt(mail.get("smtp.port")) : 0, hasMail ? Integer.parseInt(mail.get("imap.port")) : 0,
                hasMail ? layout.mailDir() : null, layout.dataDir());
    }

    /** Waits for Kafka; if ephemeral ports it was given were taken meanwhile, relaunches it on new ones (twice at most). */
    private int awaitKafka(Map<Service, ChildProcess> children, int port, long deadline) {
        for (int attempt = 1; ; attempt++) {
            try {
                children.get(Service.KAFKA).awaitReady(remaining(deadline));
                return port;
            } catch (StackException e) {
                boolean ephemeral = cfg.kafkaPort == 0 && cfg.kafkaControllerPort == 0;
                if (!ephemeral || attempt > 2 || !e.getMessage().contains("Address already in use")) throw e;
                children.get(Service.KAFKA).awaitStop(Duration.ofSeconds(10));
                port = launchKafka(children);
            }
        }
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

    private static Map<String, String> readProperties(Path f) {
        try {
            return ChildSupport.readProperties(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
