/**
 * The batch recommender: ratings in, top-N recommendations per user out, published to the lookup table. Start
 * here: {@link io.papi.recommender.Loaders} (data in) and {@link io.papi.recommender.Recommender} (train and
 * score). Public types in flow order:
 *
 * <ol>
 *   <li>Data: {@link io.papi.recommender.SyntheticData}, {@link io.papi.recommender.SyntheticShape},
 *       {@link io.papi.recommender.Loaders}, {@link io.papi.recommender.LoadOptions},
 *       {@link io.papi.recommender.CsvMapping}, {@link io.papi.recommender.TimestampFormat},
 *       {@link io.papi.recommender.LoadReport}, {@link io.papi.recommender.BadRow},
 *       {@link io.papi.recommender.BadDataException}, {@link io.papi.recommender.Dataset},
 *       {@link io.papi.recommender.Ratings}, {@link io.papi.recommender.Titles}.</li>
 *   <li>Models: {@link io.papi.recommender.Algorithm}, {@link io.papi.recommender.Parameters},
 *       {@link io.papi.recommender.Knob}, {@link io.papi.recommender.Tuner}, {@link io.papi.recommender.Tuning},
 *       {@link io.papi.recommender.Recommender}, {@link io.papi.recommender.ProgressListener},
 *       {@link io.papi.recommender.WarehouseItemKnn}.</li>
 *   <li>Evaluation: {@link io.papi.recommender.RandomSplit}, {@link io.papi.recommender.Evaluation},
 *       {@link io.papi.recommender.EvaluationRow}.</li>
 *   <li>Output: {@link io.papi.recommender.UserRecommendations}, {@link io.papi.recommender.RecommendedItem},
 *       {@link io.papi.recommender.JsonLinesWriter}, {@link io.papi.recommender.LookupPublisher}.</li>
 * </ol>
 *
 * <p>Internals: {@code load}, {@code synthetic}, {@code algorithm}, {@code evaluation}, {@code publish}.
 */
package io.papi.recommender;
