package io.papi.cli.command.datasets;

import io.papi.datasets.BuildOptions;
import io.papi.datasets.InputShape;
import io.papi.datasets.TrainingDataset;
import java.nio.file.Path;
import java.util.List;

/** A Snowplow events input as a command takes it: its file flag and the options that shape what is built from it. */
public sealed interface EventInput permits EcommerceInputOptions, MediaInputOptions {
    /** The Snowplow table the input is shaped like. */
    InputShape shape();

    /** The file flag's value, or null. */
    Path file();

    /** The flag that names the file, for messages. */
    String fileFlag();

    /** The datasets built from this input. */
    List<TrainingDataset> datasets();

    /** The flags that shape the build, beyond the file and the window. */
    List<String> shapingFlags();

    /** {@code options} with this input's flags applied. */
    BuildOptions refine(BuildOptions options);
}
