/**
 * Training datasets from Snowplow events (or ratings) for Amazon Personalize and Shaped: built on the embedded
 * engine (DuckDB) or in Snowflake, then validated. Start here: {@link io.papi.datasets.LocalDatasetBuilder}.
 * Public types in flow order:
 *
 * <ol>
 *   <li>Input: {@link io.papi.datasets.SyntheticEvents}, {@link io.papi.datasets.InputShape},
 *       {@link io.papi.datasets.EventFile}, {@link io.papi.datasets.RatingsInput},
 *       {@link io.papi.datasets.MovieLensFacts}.</li>
 *   <li>Definitions: {@link io.papi.datasets.TrainingDataset}, {@link io.papi.datasets.Field},
 *       {@link io.papi.datasets.DatasetSql}, {@link io.papi.datasets.BuildOptions},
 *       {@link io.papi.datasets.DateWindow}.</li>
 *   <li>Build: {@link io.papi.datasets.EmbeddedWarehouse}, {@link io.papi.datasets.LocalDatasetBuilder},
 *       {@link io.papi.datasets.SnowflakeDatasetBuilder}, {@link io.papi.datasets.OutputFolder},
 *       {@link io.papi.datasets.SchemaJson}, {@link io.papi.datasets.BuildResult}.</li>
 *   <li>Validation: {@link io.papi.datasets.Validator}, {@link io.papi.datasets.ValidationReport},
 *       {@link io.papi.datasets.Problem}, {@link io.papi.datasets.RecipeTable}.</li>
 *   <li>Failure: {@link io.papi.datasets.DatasetException}.</li>
 * </ol>
 *
 * <p>Internals: {@code csv}, {@code synthetic}, {@code validate}.
 */
package io.papi.datasets;
