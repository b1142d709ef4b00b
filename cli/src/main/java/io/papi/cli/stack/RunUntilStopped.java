package io.papi.cli.stack;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps long-running commands up until Ctrl-C or SIGTERM, then closes what they started, last started first,
 * and ends the process with exit code 0: stopping a server on request is success, not failure.
 */
public final class RunUntilStopped {
    private RunUntilStopped() {}

    public static void await(PrintWriter out, List<? extends AutoCloseable> startedInOrder)
            throws InterruptedException {
        List<AutoCloseable> closing = new ArrayList<>(startedInOrder);
        Collections.reverse(closing);
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("Stopping...");
                            out.flush();
                            for (AutoCloseable resource : closing) {
                                try {
                                    resource.close();
                                } catch (Exception e) {
                                    out.println("papi: while stopping: " + e.getMessage());
                                }
                            }
                            out.println("Stopped.");
                            out.flush();
                            Runtime.getRuntime().halt(0);
                        },
                        "papi-shutdown"));
        never.await();
    }
}
