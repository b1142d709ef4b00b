package io.papi.recommender.algorithm;

import io.papi.recommender.ProgressListener;

/** Forwards progress from worker threads one call at a time, as {@link ProgressListener} promises its callers. */
public final class SerializedProgress implements ProgressListener {

    private final ProgressListener target;

    private SerializedProgress(ProgressListener target) {
        this.target = target;
    }

    public static ProgressListener of(ProgressListener target) {
        return target == ProgressListener.NONE || target instanceof SerializedProgress
                ? target
                : new SerializedProgress(target);
    }

    @Override
    public synchronized void start(String phase, long total) {
        target.start(phase, total);
    }

    @Override
    public synchronized void advance(long n) {
        target.advance(n);
    }

    @Override
    public synchronized void done() {
        target.done();
    }
}
