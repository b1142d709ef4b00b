package io.papi.recommender;

import java.util.EnumSet;
import java.util.Set;

/** A value {@link Tuner} can choose; a knob the user gives is fixed and left alone. */
public enum Knob {
    /** EASE's and EDLAE's λ. */
    LAMBDA,
    /** EDLAE's denoising weight α. */
    DENOISING,
    /** EDLAE's popularity damping β. */
    DAMPING,
    /** EDLAE's binary or rating-aware input. */
    RATING_INPUT,
    /** item-kNN's neighbours k. */
    NEIGHBOURS,
    /** item-kNN's shrinkage h. */
    SHRINKAGE;

    /** The knobs tuning chooses for an algorithm (none for popular and the notebook port). */
    public static Set<Knob> of(Algorithm algorithm) {
        return switch (algorithm) {
            case EDLAE -> EnumSet.of(LAMBDA, DENOISING, DAMPING, RATING_INPUT);
            case EASE -> EnumSet.of(LAMBDA);
            case ITEMKNN -> EnumSet.of(NEIGHBOURS, SHRINKAGE);
            case NOTEBOOK, POPULAR -> EnumSet.noneOf(Knob.class);
        };
    }
}
