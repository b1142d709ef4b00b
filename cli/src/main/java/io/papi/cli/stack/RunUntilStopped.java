package io.papi.cli.stack;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Keeps long-running commands up until Ctrl-C or SIGTERM, then closes what they started, last started first,
 * and ends the process with exit code 0: stopping a server on request is success, not failure.
 */
public final class RunUntilStopped {
    private RunUntilStopped() {}

    public static void await(PrintWriter out, List<? extends AutoCloseable> startedInOrder)
            throws InterruptedException {
        List<AutoCloseable> started = new ArrayList<>(startedInOrder);
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("Stopping...");
                            out.flush();
                            closeAll(started, e -> out.println("papi: while stopping: " + e.getMessage()));
                            out.println("Stopped.");
                            out.flush();
                            Runtime.getRuntime().halt(0);
                        },
                        "papi-shutdown"));
        never.await();
    }

    /** Closes what was started, last started first, going on past a failure, which {@code onFailure} hears of. */
    public static void closeAll(List<? extends AutoCloseable> startedInOrder, Consumer<Exception> onFailure) {
        for (int i = startedInOrder.size() - 1; i >= 0; i--) {
            try {
                startedInOrder.get(i).close();
            } catch (Exception e) {
                onFailure.accept(e);
            }
        }
    }
}
