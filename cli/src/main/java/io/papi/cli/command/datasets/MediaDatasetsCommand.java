package io.papi.cli.command.datasets;

import io.papi.datasets.BuildOptions;
import io.papi.datasets.InputShape;
import io.papi.datasets.TrainingDataset;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code papi datasets media}: media interactions from media plays. */
@Command(
        name = "media",
        mixinStandardHelpOptions = true,
        description = {
            "Media interactions (Watch) from Snowplow media plays.",
            "Builds snowplow_recommendations_media_interactions (EVENT_TYPE Watch, valid plays) from a table shaped",
            "like snowplow_media_player_base: a CSV or Parquet file, or a Snowflake table (-c, --table, --stage)."
        })
final class MediaDatasetsCommand extends DatasetBuildCommand {
    @Option(names = "--plays", paramLabel = "FILE", description = "Media plays: a .csv or .parquet file")
    Path plays;

    @Option(
            names = "--valid-play-seconds",
            paramLabel = "N",
            description = "Recompute validity as play_time_secs > N (default: the input's is_valid_play, as given)")
    Integer validPlaySeconds;

    @Override
    InputShape shape() {
        return InputShape.MEDIA;
    }

    @Override
    Path sourceFile() {
        return plays;
    }

    @Override
    String sourceFlag() {
        return "--plays";
    }

    @Override
    List<TrainingDataset> datasets() {
        return List.of(TrainingDataset.MEDIA_INTERACTIONS);
    }

    @Override
    BuildOptions refine(BuildOptions options) {
        return options.withValidPlaySeconds(validPlaySeconds);
    }
}
