package io.papi.recommender;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The recommendation algorithms papi offers. */
public enum Algorithm {

    /**
     * The guide's notebook, ported exactly: user-based kNN over the user×item rating matrix (0 where missing), the
     * 10 nearest users by cosine distance with the user itself among them, items scored by the plain sum of the
     * neighbours' ratings, top 3.
     */
    NOTEBOOK(3),
    /**
     * EASE with emphasized denoising (EDLAE, Steck 2020), rating-aware input and popularity damping, each chosen by
     * inner validation under {@code --tune auto}; the default, as it beats plain EASE on held-out data.
     */
    EDLAE(10),
    /** EASE (Steck 2019), the closed-form linear item×item autoencoder. */
    EASE(10),
    /** Item-based kNN, cosine with shrinkage on binary interactions. A baseline, and the warehouse SQL's model. */
    ITEMKNN(10),
    /** Most-rated items first, the same for everyone. A baseline. */
    POPULAR(10);

    private final int defaultTopN;

    Algorithm(int defaultTopN) {
        this.defaultTopN = defaultTopN;
    }

    /** The lower-case name used on command lines: {@code notebook}, {@code edlae}, {@code ease}, {@code itemknn}, {@code popular}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Recommendations per user when the caller does not say: 3 for the notebook (as the guide), else 10. */
    public int defaultTopN() {
        return defaultTopN;
    }

    /** The default algorithm. */
    public static Algorithm defaultAlgorithm() {
        return EDLAE;
    }

    /**
     * Parses a name case-insensitively.
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static Algorithm parse(String name) {
        for (Algorithm a : values()) {
            if (a.name().equalsIgnoreCase(name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "': use one of "
                + Arrays.stream(values()).map(Algorithm::key).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return key();
    }
}
