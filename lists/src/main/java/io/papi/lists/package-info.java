/**
 * Personalize's recipes as papi lists: most viewed, best sellers, most popular, trending, bought together, also
 * viewed and similar, computed from {@code papi datasets} output (or ratings) in Java, or as warehouse SQL, and
 * published to the lists table the lookup-table contract owns. Start here: {@link io.papi.lists.RecipeLists}.
 * Public types in flow order:
 *
 * <ol>
 *   <li>Input: {@link io.papi.lists.DatasetsFolder}, {@link io.papi.lists.RatingsWatches},
 *       {@link io.papi.lists.Interaction}, {@link io.papi.lists.EventType}.</li>
 *   <li>Computing: {@link io.papi.lists.ListOptions}, {@link io.papi.lists.RecipeLists},
 *       {@link io.papi.lists.ListName}, {@link io.papi.lists.ItemList}, {@link io.papi.lists.ScoredItem};
 *       per user: {@link io.papi.lists.PerUserLists}; in the warehouse: {@link io.papi.lists.ListsWarehouseSql}.</li>
 *   <li>Output: {@link io.papi.lists.ListsJson}, {@link io.papi.lists.ListsTableStatements},
 *       {@link io.papi.lists.ListsPublisher}.</li>
 *   <li>Failures: {@link io.papi.datasets.DatasetException}, as for the datasets this module reads.</li>
 * </ol>
 *
 * <p>Internals: {@code compute} (popular and trending counts, co-occurrence, ranking).
 */
package io.papi.lists;
