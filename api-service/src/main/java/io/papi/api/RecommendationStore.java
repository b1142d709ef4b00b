package io.papi.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where the API reads each user's precomputed recommendations: the hybrid table in Snowflake, or the embedded
 * database locally (see {@link Stores}).
 *
 * <p>Implementations are called from several threads at once. The server bounds every call by its configured
 * store timeout and answers 503 when a call fails or runs late, so a store need not time itself out (though a
 * JDBC store should not hang forever either).
 */
public interface RecommendationStore extends AutoCloseable {

    /**
     * Looks up the recommendations of the given users.
     *
     * @param ids valid, distinct user ids (already checked by the server; at most its configured maximum)
     * @return for each id found, its recommendations as raw JSON text exactly as stored (an array of
     *         {@code {"movie_name": .., "movie_score": ..}} objects as the recommender publishes it); ids not
     *         found are simply absent from the map
     * @throws StoreException when the store cannot answer (down, unreachable, a query failed)
     */
    Map<String, String> lookup(List<String> ids);

    /**
     * One row of the lists table: the stored JSON array of list {@code list} under {@code key} (a seed item, a user,
     * or {@code "_"} for a global list), exactly as stored; null when there is no such row. Both are bound as
     * parameters. Stores that hold no lists say so by throwing.
     *
     * @throws StoreException when the store cannot answer
     */
    default String list(String list, String key) {
        throw new StoreException(this + " holds no lists");
    }

    /** True when the store answers a trivial query within {@code timeout}; never throws. */
    boolean ping(Duration timeout);

    /**
     * How many users the lookup table holds, for {@code /readyz}: an empty table answers every id with {@code []},
     * which should not pass for healthy. Empty when the store cannot tell.
     *
     * @throws StoreException when the table cannot be counted (missing, unreachable)
     */
    default OptionalLong rowCount(Duration timeout) {
        return OptionalLong.empty();
    }

    /** Releases connections; the caller that created the store closes it, after the server has stopped. */
    @Override
    default void close() {}
}
