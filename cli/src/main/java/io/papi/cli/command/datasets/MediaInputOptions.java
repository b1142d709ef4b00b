package io.papi.cli.command.datasets;

import io.papi.datasets.BuildOptions;
import io.papi.datasets.InputShape;
import io.papi.datasets.TrainingDataset;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The media plays file and the option that shapes what is built from it, shared by {@code papi datasets media} and
 * {@code papi recommend lists}.
 */
public final class MediaInputOptions extends EventInput {
    @Option(names = "--plays", paramLabel = "FILE", description = "Media plays: a .csv or .parquet file")
    Path plays;

    @Option(
            names = "--valid-play-seconds",
            paramLabel = "N",
            description = "Recompute validity as play_time_secs > N (default: the input's is_valid_play, as given)")
    Integer validPlaySeconds;

    public MediaInputOptions() {
        super(InputShape.MEDIA, "--plays", List.of(TrainingDataset.MEDIA_INTERACTIONS));
    }

    @Override
    public Path file() {
        return plays;
    }

    /** The play validity as given. */
    @Override
    public BuildOptions refine(BuildOptions options) {
        return options.withValidPlaySeconds(validPlaySeconds);
    }
}
