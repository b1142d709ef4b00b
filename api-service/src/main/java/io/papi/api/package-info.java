/**
 * The lookup API: each user's precomputed recommendations, read from the lookup table and answered as JSON.
 * Start here: {@link io.papi.api.ApiServer}. Public types in flow order:
 *
 * <ol>
 *   <li>{@link io.papi.api.ApiConfig}: how the API listens, checks ids, caches and waits for its store.</li>
 *   <li>{@link io.papi.api.Stores}, {@link io.papi.api.RecommendationStore}, {@link io.papi.api.StoreException}:
 *       where the recommendations are read (Snowflake's hybrid table, or the embedded database locally).</li>
 *   <li>{@link io.papi.api.IngressAuth}, {@link io.papi.api.AuthDecision}: the stand-in for the SPCS ingress.</li>
 *   <li>{@link io.papi.api.ApiServer}: the running API.</li>
 * </ol>
 *
 * <p>Internals: {@code http} (routes and replies), {@code ids}, {@code lookup}, {@code store}, {@code metrics}.
 */
package io.papi.api;
