package io.papi.cli.stack;

import io.papi.datasets.BuildOptions;
import io.papi.datasets.EventFile;
import io.papi.datasets.InputShape;
import io.papi.datasets.LocalDatasetBuilder;
import io.papi.datasets.SyntheticEvents;
import io.papi.datasets.TrainingDataset;
import io.papi.lists.DatasetsFolder;
import io.papi.lists.ItemList;
import io.papi.lists.ListName;
import io.papi.lists.ListOptions;
import io.papi.lists.ListsPublisher;
import io.papi.lists.ListsTableStatements;
import io.papi.lists.RecipeLists;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The quickstart's recipe lists: synthetic Snowplow e-commerce events, the training datasets built from them, and
 * the lists computed and published to the local store's lists table, as {@code papi data generate --kind ecommerce},
 * {@code papi datasets ecommerce} and {@code papi recommend lists --publish} would.
 */
public final class LocalLists {
    /** Where the lists came from, and ids to show each route with. */
    public record Lists(int rows, String seedItem, String user) {}

    private LocalLists() {}

    /** The lists table's rows in the local store, 0 when it has none or does not exist yet. */
    public static long rows(Path localDir) throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalStore.jdbcUrl(localDir));
                Statement s = c.createStatement()) {
            s.execute(ListsTableStatements.named(ListsTableStatements.DEFAULT_NAME)
                    .h2Create());
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM "
                    + ListsTableStatements.named(ListsTableStatements.DEFAULT_NAME)
                            .name())) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Generates, builds, computes and publishes, under {@code localDir/recipes}. */
    public static Lists create(Path localDir) throws IOException, SQLException {
        Path work = Files.createDirectories(localDir.resolve("recipes"));
        SyntheticEvents.Spec spec = SyntheticEvents.Spec.defaults(InputShape.ECOMMERCE);
        Path events = SyntheticEvents.csvFile(work, InputShape.ECOMMERCE);
        SyntheticEvents.writeCsv(spec, events);
        Path datasets = work.resolve("datasets");
        LocalDatasetBuilder.buildInto(
                EventFile.of(events, InputShape.ECOMMERCE),
                TrainingDataset.ecommerce(),
                BuildOptions.defaults().withFormats(EnumSet.of(BuildOptions.OutputFormat.CSV)),
                datasets,
                true);
        DatasetsFolder input = DatasetsFolder.read(datasets);
        // with for-you: the per-user rows POST /recommendations reads first, as papi recommend lists writes them
        List<ItemList> lists =
                RecipeLists.computeWithPerUser(input.interactions(), input.genres(), ListOptions.defaults());
        try (Connection c = DriverManager.getConnection(LocalStore.jdbcUrl(localDir))) {
            new ListsPublisher(
                            c, ListsTableStatements.named(ListsTableStatements.DEFAULT_NAME), ListsPublisher.Dialect.H2)
                    .publish(lists);
        }
        return new Lists(lists.size(), seedWithEveryList(lists), firstUser(lists));
    }

    /** An item that has all three item-to-item lists, to show each route with a real answer. */
    static String seedWithEveryList(List<ItemList> lists) {
        Set<String> together = new HashSet<>();
        Set<String> viewed = new HashSet<>();
        for (ItemList list : lists) {
            if (list.name() == ListName.BOUGHT_TOGETHER) {
                together.add(list.key());
            } else if (list.name() == ListName.ALSO_VIEWED) {
                viewed.add(list.key());
            }
        }
        String fallback = null;
        for (ItemList list : lists) {
            if (list.name() == ListName.SIMILAR && list.key().matches("[A-Za-z0-9._:-]{1,256}")) {
                if (together.contains(list.key()) && viewed.contains(list.key())) {
                    return list.key();
                }
                if (fallback == null) {
                    fallback = list.key();
                }
            }
        }
        return fallback;
    }

    private static String firstUser(List<ItemList> lists) {
        for (ItemList list : lists) {
            if (list.name() == ListName.SEEN && list.key().matches("[A-Za-z0-9._:-]{1,256}")) {
                return list.key();
            }
        }
        return null;
    }
}
