package io.papi.recommender;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What {@link Tuner} chose: the parameters to train the final model with, the nDCG@10 they scored on the inner
 * validation split, and how many models it fitted to get there.
 *
 * @param algorithm      the algorithm tuned
 * @param parameters     the chosen parameters, λ and h already scaled from the inner training set to the full data
 * @param tuned          the knobs that were chosen (the others were fixed by the caller or do not apply)
 * @param validationNdcg nDCG@10 of the chosen values on the validation split (NaN when nothing was tuned)
 * @param fits           models fitted on the inner training set
 * @param time           wall time of the search
 */
public record Tuning(
        Algorithm algorithm, Parameters parameters, Set<Knob> tuned, double validationNdcg, int fits, Duration time) {

    /** The knobs that matter for the algorithm, e.g. {@code lambda=350 alpha=0.25 damping=0.2 input=ratings}. */
    public String knobs() {
        Parameters p = parameters;
        return switch (algorithm) {
            case EDLAE ->
                String.format(
                        Locale.ROOT,
                        "lambda=%s alpha=%s damping=%s input=%s",
                        number(p.easeLambda()),
                        number(p.denoising()),
                        number(p.damping()),
                        p.ratingAware() ? "ratings" : "binary");
            case EASE -> "lambda=" + number(p.easeLambda());
            case ITEMKNN -> "neighbours=" + p.knnNeighbours() + " shrinkage=" + number(p.knnShrinkage());
            case NOTEBOOK -> "neighbours=" + p.notebookNeighbours();
            case POPULAR -> "-";
        };
    }

    /** One line for people: what was chosen and how well it did, or that nothing was tuned. */
    public String summary() {
        if (tuned.isEmpty()) {
            return algorithm.key() + ": " + knobs() + " (not tuned)";
        }
        return String.format(
                Locale.ROOT,
                "%s: tuned %s, validation nDCG@10 %.4f (%d fits, %.1f s)",
                algorithm.key(),
                knobs(),
                validationNdcg,
                fits,
                time.toMillis() / 1000.0);
    }

    static String number(double v) {
        return io.papi.recommender.algorithm.Format.knob(v);
    }
}
