package org.fengxiang.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The logic behind the {@code stack up|down|status} commands: a detached stack whose JVMs survive the command,
 * found again through {@code <dataDir>/<service>.pid} and {@code <dataDir>/endpoints.json}.
 */
public final class StackControl {
    private StackControl() {}

    /**
     * Starts the stack detached and returns its endpoints; if it is already fully running there, returns the
     * recorded endpoints. Throws {@link StackException} if only part of it is running (run {@link #down} first)
     * or a service fails to start (the started ones are stopped again).
     */
    public static Endpoints up(Path dataDir, StackSettings settings) {
        settings.validate();
        StackStatus st = status(dataDir);
        if (st.running() && st.alive().containsAll(settings.serviceSet())) return st.endpoints();
        if (!st.alive().isEmpty()) {
            throw new StackException("a stack is partly running in " + dataDir + " (" + st.alive() + " alive): run 'stack down' first");
        }
        cleanStale(new StackLayout(dataDir));
        EmbeddedStack stack = EmbeddedStack.builder().settings(settings).dataDir(dataDir).detached(true).build();
        return stack.start(); // detached: no shutdown hook, the JVMs keep running after this JVM exits
    }

    /** Stops the stack in dataDir (SIGTERM, then kill after the timeout) and removes its pid files; returns one line per service. */
    public static List<String> down(Path dataDir, Duration timeout) {
        StackLayout layout = new StackLayout(dataDir);
        List<ChildProcess> running = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (Service s : Service.values()) {
            long pid = layout.readPid(s);
            if (pid <= 0) continue;
            Optional<ChildProcess> c = ChildProcess.adopt(s, layout, pid);
            if (c.isPresent()) running.add(c.get());
            else report.add(s.id() + ": pid " + pid + " not running");
            layout.deleteRunFiles(s);
        }
        List<Service> killed = StackLauncher.stop(running, timeout, layout);
        for (ChildProcess c : running) {
            report.add(c.service().id() + ": pid " + c.pid() + (killed.contains(c.service()) ? " killed after " + timeout.toSeconds() + " s" : " stopped"));
        }
        deleteQuietly(layout.endpointsFile());
        if (report.isEmpty()) report.add("no stack recorded in " + layout.dataDir());
        return report;
    }

    /** {@link #down(Path, Duration)} with a 30 s timeout. */
    public static List<String> down(Path dataDir) {
        return down(dataDir, Duration.ofSeconds(30));
    }

    /** The recorded endpoints and which service JVMs are alive. */
    public static StackStatus status(Path dataDir) {
        StackLayout layout = new StackLayout(dataDir);
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        Set<Service> alive = EnumSet.noneOf(Service.class);
        for (Service s : Service.values()) {
            long pid = layout.readPid(s);
            if (pid <= 0) continue;
            pids.put(s, pid);
            if (ChildProcess.adopt(s, layout, pid).isPresent()) alive.add(s);
        }
        Endpoints e = EndpointsFile.read(layout.endpointsFile()).orElse(null);
        return new StackStatus(layout.dataDir(), e, pids, alive);
    }

    private static void cleanStale(StackLayout layout) {
        for (Service s : Service.values()) layout.deleteRunFiles(s);
        deleteQuietly(layout.endpointsFile());
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
