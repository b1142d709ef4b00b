package io.papi.recommender.bench;

import io.papi.recommender.Algorithm;
import io.papi.recommender.Evaluation;
import io.papi.recommender.Knob;
import io.papi.recommender.Parameters;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.RandomSplit;
import io.papi.recommender.Ratings;
import io.papi.recommender.SyntheticData;
import io.papi.recommender.Tuner;
import io.papi.recommender.Tuning;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The default-model candidates as a user would meet them: each tuned by {@link Tuner} on the 75% training split
 * only (its inner validation), then scored on the held-out 25%; nDCG@10 averaged over outer split seeds 1, 2, 3.
 * Usage: recommender/bench/run.sh CandidateReport [data seed]
 */
public final class CandidateReport {

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : SyntheticData.DEFAULT_SEED;
        Ratings ratings = SyntheticData.generate(seed).ratings();
        System.out.println("data: synthetic MovieLens 100K shape, seed " + seed);
        Parameters d = Parameters.defaults();
        run(ratings, "EASE, lambda=200 fixed", Algorithm.EASE, d.withEaseLambda(200), EnumSet.allOf(Knob.class));
        run(ratings, "EASE, lambda tuned", Algorithm.EASE, d, Set.of());
        edlaeWithout(ratings, "EDLAE (denoising), binary, no damping", Knob.DAMPING, Knob.RATING_INPUT);
        edlaeWithout(ratings, "EASE + popularity damping", Knob.DENOISING, Knob.RATING_INPUT);
        edlaeWithout(ratings, "EASE + rating-aware input", Knob.DENOISING, Knob.DAMPING);
        edlaeWithout(ratings, "EDLAE + damping, binary", Knob.RATING_INPUT);
        run(ratings, "edlae (default): all four tuned", Algorithm.EDLAE, d, Set.of());
        run(ratings, "itemknn, tuned", Algorithm.ITEMKNN, d, Set.of());
        run(ratings, "popular", Algorithm.POPULAR, d, Set.of());
    }

    /** EDLAE with each of {@code off} switched off and kept off, the other knobs tuned. */
    private static void edlaeWithout(Ratings ratings, String label, Knob... off) {
        Parameters start = Parameters.defaults();
        for (Knob knob : off) {
            start = switch (knob) {
                case DENOISING -> start.withDenoising(0);
                case DAMPING -> start.withDamping(0);
                case RATING_INPUT -> start.withRatingAware(false);
                default -> throw new IllegalArgumentException(knob + " has no off value");
            };
        }
        run(ratings, label, Algorithm.EDLAE, start, EnumSet.copyOf(Arrays.asList(off)));
    }

    private static void run(Ratings ratings, String label, Algorithm a, Parameters start, Set<Knob> fixed) {
        double ndcg = 0;
        StringBuilder knobs = new StringBuilder();
        for (long s = 1; s <= 3; s++) {
            RandomSplit split = RandomSplit.perUser(ratings, s, Evaluation.TRAIN_FRACTION);
            Tuning t = Tuner.tune(split.train(), a, start, fixed, Tuner.DEFAULT_SEED, ProgressListener.NONE);
            ndcg += Evaluation.evaluate(split, a, t.parameters(), 10, ProgressListener.NONE)
                    .ndcg();
            knobs.append(s == 1 ? "" : " | ").append(t.knobs());
        }
        System.out.printf(Locale.ROOT, "%-40s nDCG@10 %.4f   knobs per split: %s%n", label, ndcg / 3, knobs);
    }
}
