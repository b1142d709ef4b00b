package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.recommender.Algorithm;
import io.papi.recommender.Knob;
import io.papi.recommender.Parameters;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import io.papi.recommender.Tuner;
import io.papi.recommender.Tuning;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The algorithms' knobs and how they are chosen: {@code --tune auto} (the default) picks every knob not given here
 * by inner validation ({@link Tuner}); a knob given here is fixed.
 */
public final class AlgorithmOptions {
    @Option(
            names = "--tune",
            paramLabel = "auto|off",
            defaultValue = "auto",
            description =
                    "auto (default): choose the knobs not given below by nDCG@10 on an inner validation split of the ratings; "
                            + "off: use the documented defaults")
    String tune;

    @Option(
            names = "--tune-seed",
            paramLabel = "N",
            defaultValue = "" + Tuner.DEFAULT_SEED,
            description = "Seed of the inner validation split (default: ${DEFAULT-VALUE})")
    long tuneSeed;

    @Option(
            names = "--lambda",
            paramLabel = "X",
            description = "edlae/ease: L2 regularisation λ (fixes it; untuned default " + Parameters.DEFAULT_EASE_LAMBDA
                    + ")")
    Double lambda;

    @Option(
            names = "--alpha",
            paramLabel = "X",
            description = "edlae: denoising weight α = p/(1-p) (fixes it; untuned default "
                    + Parameters.DEFAULT_DENOISING + ")")
    Double alpha;

    @Option(
            names = "--damping",
            paramLabel = "X",
            description = "edlae: popularity damping β, 0 to 2 (fixes it; untuned default " + Parameters.DEFAULT_DAMPING
                    + ")")
    Double damping;

    @Option(
            names = "--input",
            paramLabel = "binary|ratings",
            description = "edlae: binary interactions or rating values as input (fixes it; untuned default ratings)")
    String input;

    @Option(
            names = "--neighbours",
            paramLabel = "K",
            description = "itemknn: neighbours per item (fixes it; untuned default " + Parameters.DEFAULT_KNN_NEIGHBOURS
                    + ")")
    Integer neighbours;

    @Option(
            names = "--shrinkage",
            paramLabel = "X",
            description =
                    "itemknn: cosine shrinkage (fixes it; untuned default " + Parameters.DEFAULT_KNN_SHRINKAGE + ")")
    Double shrinkage;

    public Parameters parameters() {
        Parameters p = Parameters.defaults();
        try {
            if (lambda != null) {
                p = p.withEaseLambda(lambda);
            }
            if (alpha != null) {
                p = p.withDenoising(alpha);
            }
            if (damping != null) {
                p = p.withDamping(damping);
            }
            if (input != null) {
                p = p.withRatingAware(
                        switch (input.toLowerCase(Locale.ROOT)) {
                            case "ratings" -> true;
                            case "binary" -> false;
                            default ->
                                throw new IllegalArgumentException(
                                        "--input must be binary or ratings, not '" + input + "'");
                        });
            }
            if (neighbours != null) {
                p = p.withKnnNeighbours(neighbours);
            }
            if (shrinkage != null) {
                p = p.withKnnShrinkage(shrinkage);
            }
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
        return p;
    }

    /** The knobs given on the command line. */
    Set<Knob> fixed() {
        Set<Knob> fixed = EnumSet.noneOf(Knob.class);
        if (lambda != null) {
            fixed.add(Knob.LAMBDA);
        }
        if (alpha != null) {
            fixed.add(Knob.DENOISING);
        }
        if (damping != null) {
            fixed.add(Knob.DAMPING);
        }
        if (input != null) {
            fixed.add(Knob.RATING_INPUT);
        }
        if (neighbours != null) {
            fixed.add(Knob.NEIGHBOURS);
        }
        if (shrinkage != null) {
            fixed.add(Knob.SHRINKAGE);
        }
        return fixed;
    }

    /** Tunes (or, with --tune off, returns the given and default knobs as they are). */
    Tuning choose(Ratings ratings, Algorithm algorithm, ProgressListener progress) {
        Parameters given = parameters();
        Set<Knob> fixed = switch (tune.toLowerCase(Locale.ROOT)) {
            case "auto" -> fixed();
            case "off" -> EnumSet.allOf(Knob.class);
            default -> throw PapiException.usage("--tune must be auto or off, not '" + tune + "'");
        };
        try {
            return Tuner.tune(ratings, algorithm, given, fixed, tuneSeed, progress);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }

    static Algorithm parse(String name) {
        try {
            return Algorithm.parse(name);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }
}
