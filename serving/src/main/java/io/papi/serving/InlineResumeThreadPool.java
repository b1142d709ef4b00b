package io.papi.serving;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's pool, except that a connection handed back to it to read its next request runs at once on the thread
 * that hands it back, when every handler of the server is non-blocking.
 *
 * <p>When an asynchronous answer completes (the forwarding proxy writes the endpoint's answer from the HTTP
 * client's selector thread), Jetty resumes the connection by executing it on the pool: one thread wake-up and one
 * context switch per request, 15% of the proxy's CPU per request on two cores (docs/PERFORMANCE.md, issue 9).
 * Resuming only reads what the caller sent next and, if a request is there, starts its non-blocking handler: what
 * Jetty's selector itself runs inline for a non-blocking server. So the hand-off buys nothing there, and this pool
 * skips it (an {@link java.util.concurrent.Executor} may run a task in the calling thread). With a blocking handler
 * anywhere in the server, every job goes to the pool as usual.
 */
final class InlineResumeThreadPool extends QueuedThreadPool {
    private static final Logger LOG = LoggerFactory.getLogger(InlineResumeThreadPool.class);

    private volatile boolean resumeInline;

    InlineResumeThreadPool(int maxThreads, int minThreads) {
        super(maxThreads, minThreads);
    }

    /** Turned on once the server has started and proved non-blocking throughout; off when it stops. */
    void resumeInline(boolean on) {
        resumeInline = on;
    }

    @Override
    public void execute(Runnable job) {
        if (resumeInline && job instanceof Connection && isRunning()) {
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("resuming {} failed", job, e);
            }
            return;
        }
        super.execute(job);
    }

    @Override
    protected void doStop() throws Exception {
        resumeInline = false;
        super.doStop();
    }
}
