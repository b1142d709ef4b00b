package io.papi.cli.command.datasets;

import io.papi.datasets.BuildOptions;
import io.papi.datasets.InputShape;
import io.papi.datasets.TrainingDataset;
import java.nio.file.Path;
import java.util.List;

/** A Snowplow events input as a command takes it: its file flag and the options that shape what is built from it. */
public abstract sealed class EventInput permits EcommerceInputOptions, MediaInputOptions {
    private final InputShape shape;
    private final String fileFlag;
    private final List<TrainingDataset> datasets;

    EventInput(InputShape shape, String fileFlag, List<TrainingDataset> datasets) {
        this.shape = shape;
        this.fileFlag = fileFlag;
        this.datasets = List.copyOf(datasets);
    }

    /** The Snowplow table the input is shaped like. */
    public final InputShape shape() {
        return shape;
    }

    /** The flag that names the file, for messages. */
    public final String fileFlag() {
        return fileFlag;
    }

    /** The datasets built from this input, the interactions first. */
    public final List<TrainingDataset> datasets() {
        return datasets;
    }

    /** The file flag's value, or null. */
    public abstract Path file();

    /** {@code options} with this input's flags applied. */
    public abstract BuildOptions refine(BuildOptions options);
}
