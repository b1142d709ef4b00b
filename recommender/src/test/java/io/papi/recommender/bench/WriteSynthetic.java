package io.papi.recommender.bench;

import io.papi.recommender.SyntheticData;
import io.papi.recommender.SyntheticShape;
import java.nio.file.Path;

/**
 * Writes MovieLens-proportioned synthetic data of any size in the guide's CSV layout, for the large-catalogue benchmark.
 * Usage: recommender/bench/run.sh WriteSynthetic DIR USERS ITEMS RATINGS [SEED]
 */
public final class WriteSynthetic {

    public static void main(String[] args) throws Exception {
        SyntheticShape shape =
                SyntheticShape.scaled(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        long seed = args.length > 4 ? Long.parseLong(args[4]) : SyntheticData.DEFAULT_SEED;
        SyntheticData data = SyntheticData.generate(seed, shape);
        data.writeGuideCsv(Path.of(args[0]));
        System.out.println("wrote " + data.ratings() + " to " + args[0] + " (" + shape + ")");
    }
}
