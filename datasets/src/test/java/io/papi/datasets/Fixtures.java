package io.papi.datasets;

import io.papi.datasets.csv.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Small inputs written by hand, and the rows a build wrote, read back. */
final class Fixtures {
    private static final String ECOMMERCE_HEADER =
            "Ecommerce_User_Id,DOMAIN_USERID,domain_sessionid,product_id,derived_tstamp,is_product_view,"
                    + "product_view_type,is_add_to_cart,is_product_transaction,transaction_id,product_quantity,product_price,"
                    + "product_category,ecommerce_user_is_guest";
    private static final String MEDIA_HEADER =
            "user_id,user_identifier,media_identifier,media_label,start_tstamp,play_time_secs,"
                    + "duration_secs,is_valid_play";

    private Fixtures() {}

    /** A Snowplow e-commerce events CSV: the header, then {@code rows}. */
    static Path ecommerceEvents(Path dir, String name, String... rows) throws IOException {
        return file(dir, name, ECOMMERCE_HEADER, rows);
    }

    /** A Snowplow media plays CSV: the header, then {@code rows}. */
    static Path mediaPlays(Path dir, String name, String... rows) throws IOException {
        return file(dir, name, MEDIA_HEADER, rows);
    }

    static Path file(Path dir, String name, String header, String... rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** The data rows of a dataset's CSV, sorted, so that tests compare sets of rows (the SQL fixes no order). */
    static List<List<String>> rows(Path out, TrainingDataset dataset) throws IOException {
        List<List<String>> all = records(out.resolve(dataset.folder()).resolve(TrainingDataset.CSV_FILE));
        List<List<String>> rows = new ArrayList<>(all.subList(1, all.size()));
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }

    static List<String> header(Path out, TrainingDataset dataset) throws IOException {
        return records(out.resolve(dataset.folder()).resolve(TrainingDataset.CSV_FILE))
                .get(0);
    }

    static List<List<String>> records(Path csv) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CsvReader in = new CsvReader(reader)) {
            for (List<String> record = in.next(); record != null; record = in.next()) {
                records.add(record);
            }
        }
        return records;
    }

    static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    static BuildResult build(
            Path input, InputShape shape, List<TrainingDataset> datasets, BuildOptions options, Path out)
            throws IOException {
        try (OutputFolder folder = OutputFolder.prepare(out, datasets, false)) {
            BuildResult result = LocalDatasetBuilder.build(EventFile.of(input, shape), datasets, options, folder);
            folder.commit();
            return result;
        }
    }
}
