package io.papi.recommender;

/**
 * Receives the progress of long phases (loading, training, scoring, publishing) so a caller can draw a bar.
 *
 * <p>A phase is announced with {@link #start}, advanced in units of work, and closed with {@link #done}. Phases do
 * not nest. The library serializes its calls to one listener, so an implementation needs no locking even when the
 * work itself runs on several threads.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String phase, long total) {}

        @Override
        public void advance(long n) {}

        @Override
        public void done() {}
    };

    /**
     * A phase begins.
     *
     * @param phase short human-readable name, such as {@code "loading u.data"} or {@code "scoring users"}
     * @param total units of work in the phase, or {@code -1} when unknown in advance
     */
    void start(String phase, long total);

    /** {@code n} more units of the current phase are finished. */
    void advance(long n);

    /** The current phase is finished. */
    void done();
}
