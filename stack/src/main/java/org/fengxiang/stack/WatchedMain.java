package org.fengxiang.stack;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs another main class (e.g. a Flink JobManager or TaskManager entry point) in a child JVM that exits as soon
 * as its parent dies or closes the child's stdin: {@code WatchedMain <main class> [args...]}.
 */
public final class WatchedMain {
    private WatchedMain() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) throw new IllegalArgumentException("usage: WatchedMain <main class> [args...]");
        ChildSupport.watchParentIf(true);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
