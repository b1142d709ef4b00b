package io.papi.datasets;

import io.papi.datasets.synthetic.EcommerceGenerator;
import io.papi.datasets.synthetic.MediaGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeded, realistic Snowplow tables in the input shapes, as CSV and Parquet. The same seed and sizes give the same
 * CSV bytes. The defaults meet every Personalize minimum inside the package's default window, and the data runs a
 * week past both of its ends.
 */
public final class SyntheticEvents {
    /** The same default as papi data generate's ratings, so that the command's default output is the pinned one. */
    public static final long DEFAULT_SEED = 20_241_204L;

    public static final int DEFAULT_USERS = 1000;
    public static final int DEFAULT_DAYS = 45;
    /** A week before the package's default window, so that rows fall on both sides of it. */
    public static final LocalDate DEFAULT_FIRST_DAY =
            DateWindow.PACKAGE_DEFAULT.start().minusDays(7);

    /** What to generate: which table, its size and seed. */
    public record Spec(InputShape shape, long seed, int users, int days, LocalDate firstDay) {
        public Spec {
            if (users < 1) {
                throw new IllegalArgumentException("--users must be 1 or more, not " + users);
            }
            if (days < 1) {
                throw new IllegalArgumentException("--days must be 1 or more, not " + days);
            }
        }

        public static Spec defaults(InputShape shape) {
            return new Spec(shape, DEFAULT_SEED, DEFAULT_USERS, DEFAULT_DAYS, DEFAULT_FIRST_DAY);
        }
    }

    private SyntheticEvents() {}

    /** The CSV's path for a shape under {@code dir}: {@code <table>.csv}. */
    public static Path csvFile(Path dir, InputShape shape) {
        return dir.resolve(shape.table() + ".csv");
    }

    public static Path parquetFile(Path dir, InputShape shape) {
        return dir.resolve(shape.table() + ".parquet");
    }

    /** Writes the CSV only, and returns how many rows it holds. */
    public static long writeCsv(Spec spec, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return spec.shape() == InputShape.ECOMMERCE
                    ? new EcommerceGenerator(spec.seed(), spec.users(), spec.days(), spec.firstDay()).write(out)
                    : new MediaGenerator(spec.seed(), spec.users(), spec.days(), spec.firstDay()).write(out);
        }
    }

    /**
     * Writes {@code <table>.csv} and, when asked, {@code <table>.parquet} (typed columns) into {@code dir}; each file
     * appears whole or not at all.
     */
    public static List<Path> write(Spec spec, Path dir, boolean parquet) throws IOException {
        Files.createDirectories(dir);
        Path csv = csvFile(dir, spec.shape());
        Path csvTemp = dir.resolve("." + spec.shape().table() + ".tmp.csv");
        Path parquetTarget = parquetFile(dir, spec.shape());
        Path parquetTemp = dir.resolve("." + parquetTarget.getFileName() + ".tmp");
        List<Path> written = new ArrayList<>();
        try {
            writeCsv(spec, csvTemp);
            if (parquet) {
                try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(null)) {
                    EventFile.of(csvTemp, spec.shape()).writeParquet(warehouse, parquetTemp);
                }
                Files.move(
                        parquetTemp,
                        parquetTarget,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                written.add(parquetTarget);
            }
            Files.move(csvTemp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(0, csv);
            return written;
        } finally {
            Files.deleteIfExists(csvTemp);
            Files.deleteIfExists(parquetTemp);
        }
    }
}
