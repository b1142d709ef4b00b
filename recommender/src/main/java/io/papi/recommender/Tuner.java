package io.papi.recommender;

import io.papi.recommender.algorithm.DampedModel;
import io.papi.recommender.algorithm.ItemKnnModel;
import io.papi.recommender.algorithm.LinearAutoencoder;
import io.papi.recommender.algorithm.Model;
import io.papi.recommender.algorithm.Models;
import io.papi.recommender.algorithm.SerializedProgress;
import io.papi.recommender.evaluation.HoldoutScore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code --tune auto}: chooses an algorithm's knobs by nDCG@10 on an inner validation split of the ratings it is
 * given — each user's ratings shuffled with a fixed seed, {@value #VALIDATION_PERCENT}% held out — so the choice never
 * sees data the caller holds out. Knobs the caller fixed are left alone.
 *
 * <p>The search is coarse to fine and its length fixed in advance, so the same seed always gives the same choice and
 * the time is bounded by a known number of fits (at most {@value #MAX_FITS}, each on 80% of the ratings):
 * <ul>
 *   <li>λ (EASE, EDLAE): 50, 200, 800, then the best ×2 and ÷2, then (EDLAE, after the other knobs) ×√2 and ÷√2;</li>
 *   <li>EDLAE's input: binary against rating-aware (one fit); α: 0, 0.25, 1 (two fits); popularity damping β:
 *       0 to 0.6 in steps of 0.1 on the fitted model (at most one refit);</li>
 *   <li>item-kNN's k: 50, 200, 800, then ×2 (at most 800) and ÷2; shrinkage h: 0, 10, 50. One pass over the
 *       co-occurrences per shrinkage serves every k, as a model with fewer neighbours is a prefix.</li>
 * </ul>
 * λ and h scale with the number of ratings (they are added to counts), so the chosen values are multiplied by
 * 1/0.8 for the full data; α and β are ratios and k a count of items, which carry over as they are.
 */
public final class Tuner {

    /** Seed of the inner validation split when the caller gives none. */
    public static final long DEFAULT_SEED = 1;

    public static final int VALIDATION_PERCENT = 20;
    public static final int MAX_FITS = 12;
    private static final double TRAIN_SHARE = 1 - VALIDATION_PERCENT / 100.0;
    private static final int K = 10;
    private static final int MOST_NEIGHBOURS = 800;

    private final Algorithm algorithm;
    private final RandomSplit split;
    private final Set<Knob> free;
    private final ProgressListener progress;
    private final Map<Parameters, Double> scored = new HashMap<>();
    private Object cachedKey;
    private Model cachedModel;
    private ItemKnnModel.Neighbours cachedNeighbours;
    private int fits;

    private Tuner(Algorithm algorithm, RandomSplit split, Set<Knob> free, ProgressListener progress) {
        this.algorithm = algorithm;
        this.split = split;
        this.free = free;
        this.progress = progress;
    }

    /**
     * Tunes the knobs of {@code algorithm} that are not in {@code fixed}, starting from {@code start}.
     *
     * @throws IllegalArgumentException when no user has enough ratings to hold one out
     */
    public static Tuning tune(
            Ratings ratings,
            Algorithm algorithm,
            Parameters start,
            Set<Knob> fixed,
            long seed,
            ProgressListener progress) {
        Objects.requireNonNull(start, "start");
        Set<Knob> free = EnumSet.noneOf(Knob.class);
        free.addAll(Knob.of(algorithm));
        free.removeAll(fixed);
        if (free.isEmpty()) {
            return new Tuning(algorithm, start, free, Double.NaN, 0, Duration.ZERO);
        }
        long t0 = System.nanoTime();
        RandomSplit split = RandomSplit.perUser(ratings, seed, TRAIN_SHARE);
        if (!holdsOut(split)) {
            throw new IllegalArgumentException(
                    "too few ratings per user to hold any out for tuning: give the knobs, " + "or use --tune off");
        }
        ProgressListener p = SerializedProgress.of(progress);
        Tuner t = new Tuner(algorithm, split, free, p);
        p.start("tuning " + algorithm.key(), MAX_FITS);
        Parameters best;
        double score;
        try {
            best = t.search(t.scaleCounts(start, TRAIN_SHARE));
            score = t.score(best);
        } finally {
            p.done();
        }
        return new Tuning(
                algorithm,
                t.scaleCounts(best, 1 / TRAIN_SHARE),
                free,
                score,
                t.fits,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Whether some user has ratings on both sides of the split. */
    private static boolean holdsOut(RandomSplit split) {
        for (int u = 0; u < split.train().userCount(); u++) {
            if (split.train().end(u) > split.train().start(u)
                    && split.test().end(u) > split.test().start(u)) {
                return true;
            }
        }
        return false;
    }

    private Parameters search(Parameters p) {
        switch (algorithm) {
            case EASE -> p = lambda(p, true);
            case EDLAE -> {
                p = lambda(p, true);
                if (free.contains(Knob.RATING_INPUT)) {
                    p = best(p, p.withRatingAware(!p.ratingAware()));
                }
                if (free.contains(Knob.DENOISING)) {
                    p = best(p, p.withDenoising(0), p.withDenoising(0.25), p.withDenoising(1));
                }
                if (free.contains(Knob.DAMPING)) {
                    p = best(
                            p,
                            p.withDamping(0),
                            p.withDamping(0.1),
                            p.withDamping(0.2),
                            p.withDamping(0.3),
                            p.withDamping(0.4),
                            p.withDamping(0.5),
                            p.withDamping(0.6));
                }
                p = lambda(p, false);
            }
            case ITEMKNN -> {
                if (free.contains(Knob.NEIGHBOURS)) {
                    int n = Math.max(1, split.train().itemCount() - 1);
                    p = best(
                            p,
                            p.withKnnNeighbours(Math.min(n, 50)),
                            p.withKnnNeighbours(Math.min(n, 200)),
                            p.withKnnNeighbours(Math.min(n, 800)));
                    int k = p.knnNeighbours();
                    p = best(
                            p,
                            p.withKnnNeighbours(Math.max(1, k / 2)),
                            p.withKnnNeighbours(Math.min(Math.min(n, MOST_NEIGHBOURS), k * 2)));
                }
                if (free.contains(Knob.SHRINKAGE)) {
                    p = best(p, p.withKnnShrinkage(0), p.withKnnShrinkage(10), p.withKnnShrinkage(50));
                }
            }
            case NOTEBOOK, POPULAR -> {}
        }
        return p;
    }

    /** Coarse (50, 200, 800, then ×2 and ÷2) or fine (×√2 and ÷√2) steps in λ. */
    private Parameters lambda(Parameters p, boolean coarse) {
        if (!free.contains(Knob.LAMBDA)) {
            return p;
        }
        if (coarse) {
            // The starting λ is not a candidate of its own: the grid replaces it.
            p = best(p.withEaseLambda(50), p.withEaseLambda(200), p.withEaseLambda(800));
            return best(p, scaled(p, 2), scaled(p, 0.5));
        }
        return best(p, scaled(p, Math.sqrt(2)), scaled(p, Math.sqrt(0.5)));
    }

    private static Parameters scaled(Parameters p, double factor) {
        return p.withEaseLambda(Math.rint(p.easeLambda() * factor));
    }

    /** The candidate with the highest validation nDCG; on a tie the earlier one (the incumbent first). */
    private Parameters best(Parameters incumbent, Parameters... candidates) {
        Parameters best = incumbent;
        double bestScore = score(incumbent);
        for (Parameters c : candidates) {
            double s = score(c);
            if (s > bestScore) {
                best = c;
                bestScore = s;
            }
        }
        return best;
    }

    private double score(Parameters p) {
        Double known = scored.get(p);
        if (known != null) {
            return known;
        }
        Model model = model(p);
        HoldoutScore s = HoldoutScore.of(model, split.train(), split.test(), K, () -> {});
        double ndcg = s == null ? 0 : s.ndcg();
        scored.put(p, ndcg);
        return ndcg;
    }

    /**
     * Fits, reusing the last fit where a knob needs none: EDLAE's damping rescales scores, and item-kNN's k takes a
     * prefix of each item's neighbours (kept up to {@value #MOST_NEIGHBOURS}), so only a new shrinkage refits.
     */
    private Model model(Parameters p) {
        Ratings train = split.train();
        if (algorithm == Algorithm.EDLAE) {
            Object key = new LinearAutoencoder.Knobs(p.easeLambda(), p.denoising(), p.ratingAware());
            if (!key.equals(cachedKey)) {
                cachedModel = null; // let the previous table go before the next is built
                fit();
                cachedModel = LinearAutoencoder.train(train, (LinearAutoencoder.Knobs) key, ProgressListener.NONE);
                cachedKey = key;
            }
            return DampedModel.of(cachedModel, train, p.damping());
        }
        if (algorithm == Algorithm.ITEMKNN && p.knnNeighbours() <= MOST_NEIGHBOURS) {
            Object key = p.knnShrinkage();
            if (!key.equals(cachedKey)) {
                cachedNeighbours = null;
                fit();
                cachedNeighbours =
                        ItemKnnModel.neighbours(train, MOST_NEIGHBOURS, p.knnShrinkage(), ProgressListener.NONE);
                cachedKey = key;
            }
            return cachedNeighbours.model(p.knnNeighbours());
        }
        fit();
        return Models.train(train, algorithm, p, ProgressListener.NONE);
    }

    private void fit() {
        fits++;
        progress.advance(1);
        if (fits > MAX_FITS) {
            throw new IllegalStateException("tuning exceeded its plan of " + MAX_FITS + " fits");
        }
    }

    /** λ and h are added to counts, which grow with the share of ratings trained on. */
    private Parameters scaleCounts(Parameters p, double factor) {
        Parameters out = p;
        if (free.contains(Knob.LAMBDA)) {
            out = out.withEaseLambda(Math.max(1e-6, Math.rint(p.easeLambda() * factor)));
        }
        if (free.contains(Knob.SHRINKAGE)) {
            out = out.withKnnShrinkage(Math.rint(p.knnShrinkage() * factor));
        }
        return out;
    }
}
