package org.fengxiang.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files of a stack under its data directory: {@code <id>.pid} and {@code endpoints.json} at the top,
 * {@code logs/<id>.log}, {@code run/<id>.ready}, {@code conf/}, and one data directory per service
 * ({@code kafka/}, {@code elasticsearch/}, {@code mail/} holding the .eml files).
 */
record StackLayout(Path dataDir) {
    StackLayout {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    Path pidFile(Service s) {
        return dataDir.resolve(s.id() + ".pid");
    }

    Path logFile(Service s) {
        return dataDir.resolve("logs").resolve(s.id() + ".log");
    }

    Path readyFile(Service s) {
        return dataDir.resolve("run").resolve(s.id() + ".ready");
    }

    Path serviceDir(Service s) {
        return dataDir.resolve(s.id());
    }

    Path mailDir() {
        return serviceDir(Service.MAIL);
    }

    Path endpointsFile() {
        return dataDir.resolve("endpoints.json");
    }

    /** Creates the directories and writes the child logging configuration; returns its path. */
    Path prepare() {
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            Files.createDirectories(dataDir.resolve("run"));
            Path conf = Files.createDirectories(dataDir.resolve("conf")).resolve("child-log4j2.properties");
            try (InputStream in = StackLayout.class.getResourceAsStream("child-log4j2.properties")) {
                if (in == null) throw new IllegalStateException("child-log4j2.properties missing from the classpath");
                Files.copy(in, conf, StandardCopyOption.REPLACE_EXISTING);
            }
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the stack directory " + dataDir, e);
        }
    }

    /** The pid recorded for a service, or -1. */
    long readPid(Service s) {
        try {
            Path f = pidFile(s);
            return Files.isRegularFile(f) ? Long.parseLong(Files.readString(f).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    void writePid(Service s, long pid) {
        try {
            Files.writeString(pidFile(s), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteRunFiles(Service s) {
        try {
            Files.deleteIfExists(pidFile(s));
            Files.deleteIfExists(readyFile(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
