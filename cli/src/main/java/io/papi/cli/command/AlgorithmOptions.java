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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
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
            for (GivenKnob knob : given()) {
                p = knob.apply().apply(p);
            }
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
        return p;
    }

    /** The knobs given on the command line. */
    Set<Knob> fixed() {
        Set<Knob> fixed = EnumSet.noneOf(Knob.class);
        given().forEach(knob -> fixed.add(knob.knob()));
        return fixed;
    }

    /** A knob given on the command line, and how it changes the parameters. */
    private record GivenKnob(Knob knob, UnaryOperator<Parameters> apply) {}

    /** The knobs given, in the order their values are checked. */
    private List<GivenKnob> given() {
        return Stream.of(
                        given(Knob.LAMBDA, lambda, Parameters::withEaseLambda),
                        given(Knob.DENOISING, alpha, Parameters::withDenoising),
                        given(Knob.DAMPING, damping, Parameters::withDamping),
                        given(Knob.RATING_INPUT, input, (p, v) -> p.withRatingAware(ratingAware(v))),
                        given(Knob.NEIGHBOURS, neighbours, Parameters::withKnnNeighbours),
                        given(Knob.SHRINKAGE, shrinkage, Parameters::withKnnShrinkage))
                .filter(Objects::nonNull)
                .toList();
    }

    /** The knob when its flag was given (its value checked only when applied), else null. */
    private static <T> GivenKnob given(Knob knob, T value, BiFunction<Parameters, T, Parameters> with) {
        return value == null ? null : new GivenKnob(knob, p -> with.apply(p, value));
    }

    private static boolean ratingAware(String input) {
        return switch (input.toLowerCase(Locale.ROOT)) {
            case "ratings" -> true;
            case "binary" -> false;
            default -> throw new IllegalArgumentException("--input must be binary or ratings, not '" + input + "'");
        };
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
