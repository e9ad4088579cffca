package org.fengxiang.app.cli;

import org.fengxiang.core.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fengxiang} command line. */
@Command(name = "fengxiang", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Fengxiang (风向): public-opinion monitoring and early warning.",
        subcommands = {DemoCommand.class, StackCommand.class, ImportCommand.class, CrawlCommand.class, RunCommand.class,
                AnalyzeCommand.class, RerunCommand.class, ReportCommand.class, ExtractCommand.class, SentimentCommands.Train.class,
                SentimentCommands.Eval.class, SetupCommand.Setup.class, SetupCommand.Es.class, AckServerCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof Config.ConfigException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Version from the jar manifest or the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"fengxiang " + (v == null ? "0.1.0-SNAPSHOT" : v),
                    "Flink 2.2.1, Kafka 4.2.0, Elasticsearch 8.19, HanLP portable-1.8.6; Java " + System.getProperty("java.version")};
        }
    }
}
