package io.papi.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds datasets from a Snowplow-shaped file on the embedded engine: the file is read once into a typed table,
 * then each dataset's {@link DatasetSql} definition runs over it and is written to its staged folder.
 */
public final class LocalDatasetBuilder {
    static final String SOURCE_TABLE = "snowplow_source";

    private LocalDatasetBuilder() {}

    /**
     * Builds {@code datasets} from {@code source} under {@code target} (refusing to replace dataset folders that
     * exist there unless {@code replace}): staged, then committed only when every dataset was built.
     */
    public static BuildResult buildInto(
            EventFile source, List<TrainingDataset> datasets, BuildOptions options, Path target, boolean replace)
            throws IOException {
        try (OutputFolder folder = OutputFolder.prepare(target, datasets, replace)) {
            BuildResult result = build(source, datasets, options, folder);
            folder.commit();
            return result;
        }
    }

    /** Builds {@code datasets} from {@code source} into {@code out}'s staging folder (commit is the caller's). */
    public static BuildResult build(
            EventFile source, List<TrainingDataset> datasets, BuildOptions options, OutputFolder out) {
        return onScratch(out, warehouse -> {
            source.load(warehouse, SOURCE_TABLE);
            Map<TrainingDataset, Long> rows = new EnumMap<>(TrainingDataset.class);
            for (TrainingDataset dataset : datasets) {
                String table = dataset.folder();
                warehouse.execute(
                        "CREATE TEMP TABLE " + table + " AS\n" + DatasetSql.select(dataset, SOURCE_TABLE, options));
                long count = warehouse.count("SELECT COUNT(*) FROM " + table);
                if (count == 0 && dataset.role() == TrainingDataset.Role.INTERACTIONS) {
                    throw emptyWindow(warehouse, source, options);
                }
                DatasetWriter.write(warehouse, table, dataset, out.folder(dataset), options);
                rows.put(dataset, count);
            }
            return new BuildResult(rows);
        });
    }

    /**
     * Builds the VIDEO_ON_DEMAND datasets from ratings: interactions always, items when titles or genres are known,
     * users when anything is known of them.
     */
    public static BuildResult buildRatings(RatingsInput input, BuildOptions options, OutputFolder out) {
        if (input.size() == 0) {
            throw DatasetException.badInput("no ratings were read: check --ratings and --ratings-format");
        }
        return onScratch(out, warehouse -> {
            RatingsTables.load(warehouse, input);
            Map<TrainingDataset, Long> rows = new EnumMap<>(TrainingDataset.class);
            for (TrainingDataset dataset : ratingsDatasets(input)) {
                String source = switch (dataset) {
                    case RATINGS_ITEMS -> RatingsTables.ITEMS;
                    case RATINGS_USERS -> RatingsTables.USERS;
                    default -> RatingsTables.RATINGS;
                };
                warehouse.execute("CREATE TEMP TABLE " + dataset.folder() + " AS\n"
                        + DatasetSql.select(dataset, source, options));
                rows.put(dataset, warehouse.count("SELECT COUNT(*) FROM " + dataset.folder()));
                DatasetWriter.write(warehouse, dataset.folder(), dataset, out.folder(dataset), options);
            }
            return new BuildResult(rows);
        });
    }

    /** What a build does on the embedded engine. */
    private interface Build {
        BuildResult run(EmbeddedWarehouse warehouse) throws SQLException, IOException;
    }

    /** Runs {@code build} on an engine whose scratch folder is under {@code out}'s staging folder, then removed. */
    private static BuildResult onScratch(OutputFolder out, Build build) {
        Path scratch = out.staging().resolve(".scratch");
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(scratch)) {
            return build.run(warehouse);
        } catch (SQLException e) {
            throw DatasetException.failure(
                    "the embedded engine failed: " + EmbeddedWarehouse.firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw DatasetException.failure("cannot write the datasets: " + e.getMessage(), e);
        } finally {
            OutputFolder.deleteTree(scratch);
        }
    }

    /** The ratings datasets {@code input} can give: interactions, and items and users where they are known. */
    public static List<TrainingDataset> ratingsDatasets(RatingsInput input) {
        List<TrainingDataset> datasets = new java.util.ArrayList<>(List.of(TrainingDataset.RATINGS_INTERACTIONS));
        if (!input.items().isEmpty()) {
            datasets.add(TrainingDataset.RATINGS_ITEMS);
        }
        if (!input.users().isEmpty()) {
            datasets.add(TrainingDataset.RATINGS_USERS);
        }
        return datasets;
    }

    private static DatasetException emptyWindow(EmbeddedWarehouse warehouse, EventFile source, BuildOptions options)
            throws SQLException {
        String column = source.shape() == InputShape.ECOMMERCE ? "derived_tstamp" : "start_tstamp";
        List<String> span = warehouse.strings("SELECT CAST(MIN(CAST(" + column + " AS DATE)) AS VARCHAR) || '..' || "
                + "CAST(MAX(CAST(" + column + " AS DATE)) AS VARCHAR) FROM " + SOURCE_TABLE);
        String has =
                span.isEmpty() || span.get(0) == null ? "the file has no rows" : "the file's rows run " + span.get(0);
        return DatasetException.badInput(source.path() + ": no interactions in the date window " + options.window()
                + " (" + has + "); choose the window with --start-date/--end-date, or --as-of/--look-back-days");
    }
}
