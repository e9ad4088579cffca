package org.fengxiang.app.cli;

import java.util.concurrent.Callable;
import org.fengxiang.stack.Endpoints;
import org.fengxiang.stack.StackControl;
import org.fengxiang.stack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fengxiang stack up|down|status}: the embedded Kafka, Elasticsearch and SMTP in the background. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Start (up), stop (down) or show (status) the embedded stack in the background.")
public final class StackCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "up|down|status")
    String action;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() {
        StackSettings s = config.load().section("stack", StackSettings.class);
        s.validate();
        switch (action) {
            case "up" -> {
                s.jvmOptions = s.longRunningJvmOptions(); // services that run for hours: the full JIT
                Endpoints e = StackControl.up(s.resolvedDataDir(), s);
                System.out.println("stack up under " + s.resolvedDataDir());
                System.out.println("  kafka          " + e.kafkaBootstrap());
                System.out.println("  elasticsearch  " + e.elasticsearchUrl());
                System.out.println("  smtp           " + e.smtpHost() + ":" + e.smtpPort() + " (mails saved under " + e.mailDir() + ")");
                System.out.println("point the job at it: FENGXIANG_KAFKA_BOOTSTRAP / --set elasticsearch.urls=[...] (./fengxiang run does this by itself)");
            }
            case "down" -> StackControl.down(s.resolvedDataDir()).forEach(System.out::println);
            case "status" -> {
                var st = StackControl.status(s.resolvedDataDir());
                System.out.println(st.describe());
                return st.running() ? 0 : 3;
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "': use up, down or status");
        }
        return 0;
    }
}
