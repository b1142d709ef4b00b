package io.papi.lists;

import io.papi.datasets.DatasetException;
import io.papi.datasets.TrainingDataset;
import io.papi.datasets.csv.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the output of {@code papi datasets}: every interactions dataset's CSV found in the folder, and the genres of
 * an items dataset that has a GENRES column.
 */
public final class DatasetsFolder {
    private final List<Interaction> interactions;
    private final Map<String, Set<String>> genres;
    private final List<String> read;

    private DatasetsFolder(List<Interaction> interactions, Map<String, Set<String>> genres, List<String> read) {
        this.interactions = interactions;
        this.genres = genres;
        this.read = read;
    }

    /**
     * @throws DatasetException (bad input) when the folder holds no interactions dataset, or a file is malformed
     */
    public static DatasetsFolder read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw DatasetException.badInput(
                    "--datasets " + folder + " is not a folder: give the --out folder of papi datasets");
        }
        List<Interaction> rows = new ArrayList<>();
        Map<String, Set<String>> genres = new HashMap<>();
        List<String> read = new ArrayList<>();
        for (TrainingDataset dataset : TrainingDataset.values()) {
            Path csv = folder.resolve(dataset.folder()).resolve(TrainingDataset.CSV_FILE);
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            if (dataset.role() == TrainingDataset.Role.INTERACTIONS) {
                readInteractions(csv, rows);
                read.add(dataset.folder());
            } else if (dataset.role() == TrainingDataset.Role.ITEMS
                    && dataset.header().contains("GENRES")) {
                readGenres(csv, genres);
                read.add(dataset.folder());
            }
        }
        if (rows.isEmpty()) {
            throw DatasetException.badInput("no interactions under " + folder + ": expected "
                    + TrainingDataset.ECOMMERCE_INTERACTIONS.folder() + "/" + TrainingDataset.CSV_FILE
                    + " (or the media one); build them with papi datasets ecommerce --events FILE --out " + folder
                    + " (or papi datasets media --plays FILE)");
        }
        return new DatasetsFolder(rows, genres, read);
    }

    public List<Interaction> interactions() {
        return interactions;
    }

    public Map<String, Set<String>> genres() {
        return genres;
    }

    /** The dataset folders read, for the summary line. */
    public List<String> datasetsRead() {
        return read;
    }

    private static void readInteractions(Path csv, List<Interaction> rows) {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CsvReader reader = new CsvReader(in)) {
            Map<String, Integer> at = header(csv, reader.next(), "USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE");
            int user = at.get("USER_ID");
            int item = at.get("ITEM_ID");
            int time = at.get("TIMESTAMP");
            int type = at.get("EVENT_TYPE");
            // one String per distinct id, not per row: ten million rows repeat a few hundred thousand ids
            Map<String, String> canonical = new HashMap<>();
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                long line = reader.line() - 1;
                if (record.size() < at.size()) {
                    throw DatasetException.badInput(
                            csv + " line " + line + ": " + record.size() + " fields, expected " + at.size());
                }
                long seconds;
                try {
                    seconds = Long.parseLong(record.get(time));
                } catch (NumberFormatException e) {
                    throw DatasetException.badInput(
                            csv + " line " + line + ": TIMESTAMP '" + record.get(time) + "' is not epoch seconds");
                }
                rows.add(new Interaction(
                        canonical.computeIfAbsent(record.get(user), k -> k),
                        canonical.computeIfAbsent(record.get(item), k -> k),
                        seconds,
                        EventType.of(record.get(type))));
            }
        } catch (IOException e) {
            throw DatasetException.badInput("cannot read " + csv + ": " + e.getMessage());
        }
    }

    private static void readGenres(Path csv, Map<String, Set<String>> genres) {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CsvReader reader = new CsvReader(in)) {
            Map<String, Integer> at = header(csv, reader.next(), "ITEM_ID", "GENRES");
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                String value = record.size() > at.get("GENRES") ? record.get(at.get("GENRES")) : "";
                if (!value.isEmpty()) {
                    genres.computeIfAbsent(record.get(at.get("ITEM_ID")), k -> new LinkedHashSet<>())
                            .addAll(List.of(value.split("\\|")));
                }
            }
        } catch (IOException e) {
            throw DatasetException.badInput("cannot read " + csv + ": " + e.getMessage());
        }
    }

    private static Map<String, Integer> header(Path csv, List<String> header, String... needed) {
        if (header == null) {
            throw DatasetException.badInput(csv + " is empty: expected a header row");
        }
        Map<String, Integer> at = new HashMap<>();
        for (String name : needed) {
            int k = -1;
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).trim().toUpperCase(Locale.ROOT).equals(name)) {
                    k = i;
                }
            }
            if (k < 0) {
                throw DatasetException.badInput(
                        csv + " has no " + name + " column (header: " + String.join(",", header) + ")");
            }
            at.put(name, k);
        }
        return at;
    }
}
