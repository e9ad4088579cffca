package org.fengxiang.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fengxiang.analytics.sentiment.SentimentEval;
import org.fengxiang.analytics.sentiment.SentimentTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fengxiang train-sentiment} and {@code eval-sentiment}. */
final class SentimentCommands {
    private SentimentCommands() {}

    /** {@code --input F} for every file, as the analytics mains take them. */
    static List<String> inputArgs(List<Path> inputs) {
        List<String> args = new ArrayList<>();
        for (Path p : inputs) {
            args.add("--input");
            args.add(p.toString());
        }
        return args;
    }

    /** Trains the linear sentiment model from labelled CSV/JSONL. */
    @Command(name = "train-sentiment", mixinStandardHelpOptions = true,
            description = "Train the sentiment model from CSV (label + text/review) or JSONL; select it with --set analytics.sentiment.model=PATH.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--input", required = true, split = ",", paramLabel = "FILE") List<Path> inputs;
        @Option(names = "--output", required = true, paramLabel = "MODEL") Path output;

        @Override
        public Integer call() throws Exception {
            List<String> args = inputArgs(inputs);
            args.add("--output");
            args.add(output.toString());
            SentimentTrainer.main(args.toArray(String[]::new));
            return 0;
        }
    }

    /** Accuracy and macro-F1 on held-out splits. */
    @Command(name = "eval-sentiment", mixinStandardHelpOptions = true,
            description = "Print accuracy and macro-F1 of a sentiment model on the held-out split of labelled files.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--input", required = true, split = ",", paramLabel = "FILE") List<Path> inputs;
        @Option(names = "--model", paramLabel = "MODEL") Path model;
        @Option(names = "--all", description = "Evaluate on every example, not only the held-out split.") boolean all;

        @Override
        public Integer call() throws Exception {
            List<String> args = inputArgs(inputs);
            if (model != null) {
                args.add("--model");
                args.add(model.toString());
            }
            if (all) args.add("--all");
            SentimentEval.main(args.toArray(String[]::new));
            return 0;
        }
    }
}
