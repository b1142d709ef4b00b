package io.papi.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an ml-100k folder the user gives knows of items and users, beyond the ratings the recommender's loaders
 * read: {@code u.item} (title, release date, 19 genre flags named by {@code u.genre}) and {@code u.user} (age,
 * gender, occupation). Files are pipe-separated, ISO-8859-1. Nothing of MovieLens ships with papi.
 */
public final class MovieLensFacts {
    private static final DateTimeFormatter RELEASE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private MovieLensFacts() {}

    /** Items from {@code u.item}; empty when the file is absent. */
    public static Map<Long, RatingsInput.Item> items(Path dir) throws IOException {
        Path file = dir.resolve("u.item");
        Map<Long, RatingsInput.Item> items = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return items;
        }
        List<String> genres = genres(dir);
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|", -1);
            if (f.length < 5) {
                continue;
            }
            List<String> named = new ArrayList<>();
            for (int g = 0; g < genres.size() && 5 + g < f.length; g++) {
                if (f[5 + g].equals("1")) {
                    named.add(genres.get(g));
                }
            }
            items.put(
                    Long.parseLong(f[0].strip()),
                    new RatingsInput.Item(
                            f[1].isEmpty() ? null : f[1],
                            named.isEmpty() ? null : String.join("|", named),
                            release(f[2])));
        }
        return items;
    }

    /** Users from {@code u.user}; empty when the file is absent. */
    public static Map<Long, RatingsInput.User> users(Path dir) throws IOException {
        Path file = dir.resolve("u.user");
        Map<Long, RatingsInput.User> users = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return users;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|", -1);
            if (f.length < 4) {
                continue;
            }
            Integer age = f[1].isBlank() ? null : Integer.valueOf(f[1].strip());
            users.put(
                    Long.parseLong(f[0].strip()),
                    new RatingsInput.User(age, f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3]));
        }
        return users;
    }

    /** Genre names by flag position, from {@code u.genre} ({@code name|index}). */
    private static List<String> genres(Path dir) throws IOException {
        Path file = dir.resolve("u.genre");
        List<String> names = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                String[] f = line.split("\\|");
                if (f.length == 2) {
                    int index = Integer.parseInt(f[1].strip());
                    while (names.size() <= index) {
                        names.add(null);
                    }
                    names.set(index, f[0]);
                }
            }
        }
        return names;
    }

    private static Long release(String date) {
        try {
            return date.isBlank()
                    ? null
                    : LocalDate.parse(date.strip(), RELEASE)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
