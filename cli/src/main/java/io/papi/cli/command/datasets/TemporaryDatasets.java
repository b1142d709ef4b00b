package io.papi.cli.command.datasets;

import io.papi.cli.PapiException;
import io.papi.datasets.BuildOptions;
import io.papi.datasets.EventFile;
import io.papi.datasets.LocalDatasetBuilder;
import io.papi.datasets.OutputFolder;
import io.papi.lists.DatasetsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * The datasets of an events file, built as {@code papi datasets} builds them on the embedded engine but into a
 * temporary folder, read back as {@code papi recommend lists --datasets} reads a folder, and the folder removed
 * (also when the build or the read fails).
 */
public final class TemporaryDatasets {
    private TemporaryDatasets() {}

    /**
     * @param options the window and {@code input}'s shaping flags; only the CSVs are written, the files read back
     * @param parent where the temporary folder goes (it is made 0700)
     * @throws io.papi.datasets.DatasetException for a missing or unreadable file, an empty window, or datasets that
     *     cannot be read back
     */
    public static DatasetsFolder read(EventInput input, BuildOptions options, Path parent) throws IOException {
        EventFile file = EventFile.of(input.file(), input.shape());
        Path work;
        try {
            work = Files.createTempDirectory(parent, "papi-lists-");
        } catch (IOException e) {
            throw PapiException.failure("cannot make a temporary folder under " + parent + ": " + e.getMessage()
                    + " (set TMPDIR to a folder you can write)");
        }
        try {
            Path datasets = work.resolve("datasets");
            LocalDatasetBuilder.buildInto(
                    file,
                    input.datasets(),
                    options.withFormats(EnumSet.of(BuildOptions.OutputFormat.CSV)),
                    datasets,
                    false);
            return DatasetsFolder.read(datasets);
        } finally {
            OutputFolder.deleteTree(work);
        }
    }
}
