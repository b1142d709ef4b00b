package io.papi.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Writes one dataset held in a warehouse table into its folder: {@code personalize-dataset.csv} (header unquoted in
 * the schema's order, RFC 4180 quoting, UTF-8 without a byte-order mark, NULL as an empty field),
 * {@code personalize-dataset.parquet} and {@code schema.json}.
 */
final class DatasetWriter {
    private DatasetWriter() {}

    static void write(
            EmbeddedWarehouse warehouse, String table, TrainingDataset dataset, Path folder, BuildOptions options)
            throws SQLException, IOException {
        String columns = String.join(
                ", ",
                dataset.header().stream().map(EmbeddedWarehouse::identifier).toList());
        String query = "(SELECT " + columns + " FROM " + table + ")";
        if (options.formats().contains(BuildOptions.OutputFormat.CSV)) {
            warehouse.execute(
                    "COPY " + query + " TO " + EmbeddedWarehouse.pathLiteral(folder.resolve(TrainingDataset.CSV_FILE))
                            + " (FORMAT CSV, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NULLSTR '')");
        }
        if (options.formats().contains(BuildOptions.OutputFormat.PARQUET)) {
            warehouse.execute("COPY " + query + " TO "
                    + EmbeddedWarehouse.pathLiteral(folder.resolve(TrainingDataset.PARQUET_FILE))
                    + " (FORMAT PARQUET, COMPRESSION SNAPPY)");
        }
        Files.writeString(folder.resolve(TrainingDataset.SCHEMA_FILE), SchemaJson.of(dataset), StandardCharsets.UTF_8);
    }
}
