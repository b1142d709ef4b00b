package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.recommender.Algorithm;
import io.papi.recommender.Parameters;
import picocli.CommandLine.Option;

/** The algorithms' knobs, with the defaults tuned on held-out data (docs/recommender.md). */
public final class AlgorithmOptions {
    @Option(names = "--lambda", paramLabel = "X", description = "EASE's L2 regularisation λ (default " + Parameters.DEFAULT_EASE_LAMBDA + ")")
    Double lambda;

    @Option(names = "--neighbours", paramLabel = "K", description = "item-kNN: neighbours per item (default " + Parameters.DEFAULT_KNN_NEIGHBOURS + ")")
    Integer neighbours;

    @Option(names = "--shrinkage", paramLabel = "X", description = "item-kNN: cosine shrinkage (default " + Parameters.DEFAULT_KNN_SHRINKAGE + ")")
    Double shrinkage;

    public Parameters parameters() {
        Parameters p = Parameters.defaults();
        try {
            if (lambda != null) {
                p = p.withEaseLambda(lambda);
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

    static Algorithm parse(String name) {
        try {
            return Algorithm.parse(name);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }
}
