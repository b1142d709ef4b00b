package io.papi.datasets.bench;

import io.papi.datasets.BuildOptions;
import io.papi.datasets.DatasetSql;
import io.papi.datasets.EventFile;
import io.papi.datasets.InputShape;
import io.papi.datasets.LocalDatasetBuilder;
import io.papi.datasets.OutputFolder;
import io.papi.datasets.SyntheticEvents;
import io.papi.datasets.TrainingDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The same dataset definitions on the two embedded engines papi could use, on one synthetic e-commerce CSV: DuckDB
 * (the analytical engine) and H2 (the row store papi already ships for hybrid tables). Each run reads the CSV into a
 * typed table, builds the three e-commerce datasets and writes them as CSV (H2 writes no Parquet). Prints wall time
 * and row counts per engine. Run by bench/datasets-engines.sh.
 */
public final class EngineComparison {
    private EngineComparison() {}

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 48_000;
        Path work = Files.createTempDirectory("papi-engines");
        Path events = SyntheticEvents.csvFile(work, InputShape.ECOMMERCE);
        long rows = SyntheticEvents.writeCsv(
                new SyntheticEvents.Spec(
                        InputShape.ECOMMERCE,
                        SyntheticEvents.DEFAULT_SEED,
                        users,
                        SyntheticEvents.DEFAULT_DAYS,
                        SyntheticEvents.DEFAULT_FIRST_DAY),
                events);
        System.out.printf(Locale.ROOT, "input: %,d rows, %,d MB%n", rows, Files.size(events) >> 20);
        BuildOptions options = BuildOptions.defaults().withFormats(EnumSet.of(BuildOptions.OutputFormat.CSV));
        for (int round = 1; round <= 2; round++) {
            long t0 = System.nanoTime();
            Path duckOut = work.resolve("duck-" + round);
            try (OutputFolder folder = OutputFolder.prepare(duckOut, TrainingDataset.ecommerce(), false)) {
                Map<TrainingDataset, Long> built = LocalDatasetBuilder.build(
                                EventFile.of(events, InputShape.ECOMMERCE),
                                TrainingDataset.ecommerce(),
                                options,
                                folder)
                        .rows();
                folder.commit();
                report("duckdb", round, t0, built.get(TrainingDataset.ECOMMERCE_INTERACTIONS));
            }
            t0 = System.nanoTime();
            long interactions = h2(events, work.resolve("h2-" + round), options);
            report("h2    ", round, t0, interactions);
        }
    }

    private static void report(String engine, int round, long t0, long interactions) {
        System.out.printf(
                Locale.ROOT,
                "%s round %d: %.2f s (load + 3 datasets + CSV), %,d interactions%n",
                engine,
                round,
                (System.nanoTime() - t0) / 1e9,
                interactions);
    }

    private static long h2(Path events, Path out, BuildOptions options) throws Exception {
        Files.createDirectories(out);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:bench" + System.nanoTime());
                Statement statement = connection.createStatement()) {
            StringJoiner select = new StringJoiner(
                    ", ",
                    "CREATE TABLE snowplow_source AS SELECT ",
                    " FROM CSVREAD('" + events.toAbsolutePath() + "', NULL, 'charset=UTF-8')");
            for (Map.Entry<String, String> column :
                    InputShape.ECOMMERCE.columnTypes().entrySet()) {
                select.add(
                        "CAST(NULLIF(" + column.getKey() + ", '') AS " + column.getValue() + ") AS " + column.getKey());
            }
            statement.execute(select.toString());
            long interactions = 0;
            for (TrainingDataset dataset : TrainingDataset.ecommerce()) {
                statement.execute("CREATE TABLE " + dataset.folder() + " AS "
                        + DatasetSql.select(dataset, "snowplow_source", options));
                statement.execute("CALL CSVWRITE('"
                        + out.resolve(dataset.folder() + ".csv").toAbsolutePath() + "', 'SELECT * FROM "
                        + dataset.folder() + "')");
                if (dataset == TrainingDataset.ECOMMERCE_INTERACTIONS) {
                    try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + dataset.folder())) {
                        count.next();
                        interactions = count.getLong(1);
                    }
                }
            }
            return interactions;
        }
    }
}
