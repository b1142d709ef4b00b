package io.papi.recommender.algorithm;

/** A trained recommender: scores every item for one user. Implementations are safe to call from many threads. */
public interface Model {

    /**
     * Writes a score for every item index into {@code out} (length = item count). Higher is better. Items the user
     * already rated may get any score: callers exclude them.
     */
    void score(int user, float[] out);
}
