package io.papi.cli.command.datasets;

import picocli.CommandLine.Command;

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
    MediaDatasetsCommand() {
        super(new MediaInputOptions());
    }
}
