/**
 * The lookup table as a contract between the recommender, which writes it, and the lookup API, which reads it.
 * JDK only, so both sides depend on it and never on each other. In the order a publish-and-read flows through it:
 *
 * <ol>
 *   <li>{@link io.papi.lookup.TableName}: the one rule for table names (plain identifiers, rendered upper-cased and
 *       quoted).</li>
 *   <li>{@link io.papi.lookup.LookupTable}: the default names and the column names.</li>
 *   <li>{@link io.papi.lookup.KeyType}: NUMBER or VARCHAR keys, for writer and reader alike.</li>
 *   <li>{@link io.papi.lookup.LookupDdl}: the H2 and Snowflake statements that create the tables.</li>
 *   <li>{@link io.papi.lookup.RecommendationJson}: the JSON of a recommendation, stored and answered.</li>
 *   <li>{@link io.papi.lookup.OneTransaction}: how a publisher replaces the rows, in one transaction.</li>
 *   <li>{@link io.papi.lookup.ListsTable}: the lists table beside it (popular, trending and item-to-item lists,
 *       one row per list and key): names, columns and DDL.</li>
 * </ol>
 */
package io.papi.lookup;
