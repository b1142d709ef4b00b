package io.papi.recommender;

import io.papi.recommender.algorithm.Model;
import io.papi.recommender.algorithm.Models;
import io.papi.recommender.algorithm.PopularityModel;
import io.papi.recommender.algorithm.SerializedProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A trained recommender. Train once with {@link #train}, then ask for the top-N items of every user
 * ({@link #recommendAll}) or of chosen users ({@link #recommend}). Items a user already rated are never recommended;
 * ties in score go to the lower item id. Users are scored in parallel; results come back in ascending user id.
 *
 * <pre>{@code
 * Dataset data = Loaders.movieLens(Path.of("ml-100k"), LoadOptions.defaults());
 * Recommender rec = Recommender.train(data.ratings(), Algorithm.EASE, Parameters.defaults(), ProgressListener.NONE);
 * JsonLinesWriter.write(rec.recommendAll(10, data.titles(), ProgressListener.NONE), Path.of("recs.jsonl"));
 * }</pre>
 */
public final class Recommender {

    private final Ratings ratings;
    private final Algorithm algorithm;
    private final Parameters parameters;
    private final Model model;
    private final Model popularity;
    private final Duration trainingTime;

    private Recommender(
            Ratings ratings, Algorithm algorithm, Parameters parameters, Model model, Duration trainingTime) {
        this.ratings = ratings;
        this.algorithm = algorithm;
        this.parameters = parameters;
        this.model = model;
        this.popularity = algorithm == Algorithm.POPULAR ? model : PopularityModel.train(ratings);
        this.trainingTime = trainingTime;
    }

    /**
     * Trains an algorithm on the ratings.
     *
     * @throws IllegalArgumentException when there are no ratings, or EASE would not fit in the heap
     */
    public static Recommender train(
            Ratings ratings, Algorithm algorithm, Parameters parameters, ProgressListener progress) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(parameters, "parameters");
        if (ratings.size() == 0) {
            throw new IllegalArgumentException("there are no ratings to train on: check the input and its load report");
        }
        long t0 = System.nanoTime();
        Model model = Models.train(ratings, algorithm, parameters, progress);
        return new Recommender(ratings, algorithm, parameters, model, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Why the algorithm cannot be trained on these ratings in this JVM's heap, in one line, or empty when it can. The
     * EASE family needs dense matrices (see docs/recommender.md); item-kNN is sparse and is the way past them.
     */
    public static java.util.Optional<String> whyNotFit(Algorithm algorithm, Ratings ratings) {
        return java.util.Optional.ofNullable(Models.whyNot(
                algorithm,
                ratings.userCount(),
                ratings.itemCount(),
                Runtime.getRuntime().maxMemory()));
    }

    /**
     * Why the algorithm would take minutes rather than seconds here, or empty: the EASE family inverts a
     * min(users, items)-sided matrix, about side³/2 multiply-adds per fit, which {@code --tune auto} repeats. Above
     * {@value io.papi.recommender.algorithm.Models#QUICK_SIDE} a side, the default model gives way to item-kNN.
     */
    public static java.util.Optional<String> whyNotQuick(Algorithm algorithm, Ratings ratings) {
        int side = Math.min(ratings.userCount(), ratings.itemCount());
        if ((algorithm == Algorithm.EDLAE || algorithm == Algorithm.EASE) && side > Models.QUICK_SIDE) {
            return java.util.Optional.of(String.format(
                    java.util.Locale.ROOT,
                    "%s would invert a %,d×%,d matrix per fit (%d users, %d items), minutes with --tune auto",
                    algorithm.key(),
                    side,
                    side,
                    ratings.userCount(),
                    ratings.itemCount()));
        }
        return java.util.Optional.empty();
    }

    /** Trains with default parameters and no progress. */
    public static Recommender train(Ratings ratings, Algorithm algorithm) {
        return train(ratings, algorithm, Parameters.defaults(), ProgressListener.NONE);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Wall-clock time {@link #train} took. */
    public Duration trainingTime() {
        return trainingTime;
    }

    /** Whether the user has ratings here (others get the most popular items). */
    public boolean knows(long userId) {
        return ratings.userIndex(userId) >= 0;
    }

    /** Top-N recommendations for every user with ratings, in ascending user id. */
    public List<UserRecommendations> recommendAll(int topN, Titles titles, ProgressListener progress) {
        return recommend(ratings.userIds(), topN, titles, progress);
    }

    /**
     * Top-N recommendations for the given users, each once, in ascending user id. A user without ratings gets the
     * most-rated items (their personal models have nothing to go on), so every listed user has a row to publish.
     *
     * @throws IllegalArgumentException when topN is less than 1
     */
    public List<UserRecommendations> recommend(long[] userIds, int topN, Titles titles, ProgressListener progress) {
        if (topN < 1) {
            throw new IllegalArgumentException("top-N must be at least 1, got " + topN);
        }
        Objects.requireNonNull(titles, "titles");
        long[] users = Arrays.stream(userIds).sorted().distinct().toArray();
        int items = ratings.itemCount();
        ThreadLocal<float[]> scores = ThreadLocal.withInitial(() -> new float[items]);
        ThreadLocal<boolean[]> excluded = ThreadLocal.withInitial(() -> new boolean[items]);
        ProgressListener p = SerializedProgress.of(progress);
        p.start("recommending (" + algorithm.key() + ")", users.length);
        try {
            return IntStream.range(0, users.length)
                    .parallel()
                    .mapToObj(k -> {
                        long userId = users[k];
                        int u = ratings.userIndex(userId);
                        float[] s = scores.get();
                        int[] top;
                        if (u >= 0) {
                            top = Models.topItems(model, ratings, u, topN, s, excluded.get());
                        } else {
                            popularity.score(0, s);
                            top = io.papi.recommender.algorithm.TopItems.select(s, items, null, topN, false);
                        }
                        List<RecommendedItem> list = new ArrayList<>(top.length);
                        for (int i : top) {
                            long itemId = ratings.itemId(i);
                            list.add(new RecommendedItem(itemId, titles.nameOf(itemId), s[i]));
                        }
                        p.advance(1);
                        return new UserRecommendations(userId, list);
                    })
                    .toList();
        } finally {
            p.done();
        }
    }
}
