package io.papi.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.datasets.validate.SchemaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a build writes: CSV bytes, Parquet read back independently, schema order, and nothing on failure. */
class OutputFormatTest {
    @TempDir
    Path dir;

    /** Loading {@code input} as e-commerce events into a fresh embedded warehouse throws a DatasetException. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertLoadingFails(Path input) {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(null)) {
            return assertThatThrownBy(
                            () -> EventFile.of(input, InputShape.ECOMMERCE).load(warehouse, "x"))
                    .isInstanceOf(DatasetException.class);
        }
    }

    private Path buildEcommerce(BuildOptions options) throws IOException {
        Path input = Fixtures.ecommerceEvents(
                dir,
                "events.csv",
                "u1,d1,s1,\"p,4 \"\"q\"\"\nü\",2025-01-05 10:00:00,true,product_view,false,false,,,5.00,Kids/Toys,false",
                "\"o'brien, \"\"jr\"\"\",d2,s2,p2,2025-01-06 10:00:00,true,product_view,false,false,,,,,");
        Path out = dir.resolve("out");
        Fixtures.build(input, InputShape.ECOMMERCE, TrainingDataset.ecommerce(), options, out);
        return out;
    }

    @Test
    void csvQuotesIdsWithCommasQuotesAndNewlinesAsRfc4180AndHasAnUnquotedHeaderAndNoByteOrderMark() throws IOException {
        Path out = buildEcommerce(BuildOptions.defaults());
        byte[] bytes = Files.readAllBytes(
                out.resolve(TrainingDataset.ECOMMERCE_INTERACTIONS.folder()).resolve(TrainingDataset.CSV_FILE));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(bytes[0]).isEqualTo((byte) 'U'); // no EF BB BF
        assertThat(text).startsWith("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n");
        assertThat(text).contains("u1,\"p,4 \"\"q\"\"\nü\",1736071200,View\n");
        assertThat(text).contains("\"o'brien, \"\"jr\"\"\",p2,1736157600,View\n");
    }

    @Test
    void parquetReadBackByAnIndependentReaderHoldsTheCsvRowsAndColumns() throws IOException {
        Path out = buildEcommerce(BuildOptions.defaults());
        for (TrainingDataset dataset : TrainingDataset.ecommerce()) {
            ParquetRows parquet = ParquetRows.read(out.resolve(dataset.folder()).resolve(TrainingDataset.PARQUET_FILE));
            assertThat(parquet.columns).as(dataset.folder()).isEqualTo(dataset.header());
            assertThat(Fixtures.sorted(parquet.rows)).as(dataset.folder()).isEqualTo(Fixtures.rows(out, dataset));
        }
    }

    @Test
    void schemaFieldsAreInTheHeaderOrderForEveryDatasetBuilt() throws IOException {
        Path out = buildEcommerce(BuildOptions.defaults());
        for (TrainingDataset dataset : TrainingDataset.ecommerce()) {
            SchemaFile schema = SchemaFile.read(out.resolve(dataset.folder()).resolve(TrainingDataset.SCHEMA_FILE));
            assertThat(schema.names()).isEqualTo(Fixtures.header(out, dataset));
        }
        String items = Files.readString(
                out.resolve(TrainingDataset.ECOMMERCE_ITEMS.folder()).resolve(TrainingDataset.SCHEMA_FILE));
        assertThat(items)
                .contains("\"namespace\" : \"com.amazonaws.personalize.schema\"")
                .contains("\"version\" : \"1.0\"")
                .contains("[ \"null\", \"float\" ]")
                .contains("\"categorical\" : true");
    }

    /** The one-line Shaped mapping in docs/datasets.md (Shaped's fetch queries are DuckDB SQL) runs on our Parquet. */
    @Test
    void theShapedMappingInTheDocsRunsOnTheParquet() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docs/datasets.md"))) {
            root = root.getParent();
        }
        String line = Files.readAllLines(root.resolve("docs/datasets.md")).stream()
                .filter(l -> l.startsWith("SELECT USER_ID AS user_id"))
                .findFirst()
                .orElseThrow();
        Path out = buildEcommerce(BuildOptions.defaults());
        Path parquet =
                out.resolve(TrainingDataset.ECOMMERCE_INTERACTIONS.folder()).resolve(TrainingDataset.PARQUET_FILE);
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(null)) {
            warehouse.execute("CREATE VIEW interactions AS SELECT * FROM read_parquet("
                    + EmbeddedWarehouse.pathLiteral(parquet) + ")");
            assertThat(warehouse.strings("SELECT user_id || ' ' || CAST(created_at AS VARCHAR) || ' ' || label FROM ("
                            + line + ") ORDER BY created_at"))
                    .containsExactly("u1 2025-01-05 10:00:00+00 1", "o'brien, \"jr\" 2025-01-06 10:00:00+00 1");
        }
    }

    @Test
    void theFoldersABuildCreatesAreOwnerOnly() throws IOException {
        Path out = buildEcommerce(BuildOptions.defaults());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rwx------");
        for (TrainingDataset dataset : TrainingDataset.ecommerce()) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(out.resolve(dataset.folder()))))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void formatChoosesTheFiles() throws IOException {
        Path out = buildEcommerce(BuildOptions.defaults().withFormats(EnumSet.of(BuildOptions.OutputFormat.PARQUET)));
        Path folder = out.resolve(TrainingDataset.ECOMMERCE_USERS.folder());
        assertThat(Files.exists(folder.resolve(TrainingDataset.PARQUET_FILE))).isTrue();
        assertThat(Files.exists(folder.resolve(TrainingDataset.SCHEMA_FILE))).isTrue();
        assertThat(Files.exists(folder.resolve(TrainingDataset.CSV_FILE))).isFalse();
    }

    @Test
    void aFailedBuildLeavesNoFolderBehind() throws IOException {
        Path input = Fixtures.ecommerceEvents(
                dir, "late.csv", "u1,d1,s1,p1,2026-05-05 10:00:00,true,product_view,false,false,,,5.00,Kids,false");
        Path out = dir.resolve("nested/out");
        assertThatThrownBy(() -> Fixtures.build(
                        input, InputShape.ECOMMERCE, TrainingDataset.ecommerce(), BuildOptions.defaults(), out))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no interactions in the date window 2025-01-01..2025-01-31")
                .hasMessageContaining("2026-05-05..2026-05-05");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("late.csv");
        }
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Path input =
                Fixtures.file(dir, "short.csv", "domain_userid,product_id,derived_tstamp", "d1,p1,2025-01-05 10:00:00");
        assertLoadingFails(input).hasMessageContaining("missing column ecommerce_user_id");
    }

    @Test
    void aValueThatIsNotATimestampIsNamedWithItsColumn() throws IOException {
        Path input = Fixtures.ecommerceEvents(
                dir, "bad.csv", "u1,d1,s1,p1,yesterday,true,product_view,false,false,,,5.00,Kids,false");
        assertLoadingFails(input).hasMessageContaining("column derived_tstamp: 'yesterday' is not a timestamp");
    }

    @Test
    void aFileThatIsNotParquetOrNotAFileIsRefusedWithItsName() throws IOException {
        Path garbage = dir.resolve("events.parquet");
        Files.writeString(garbage, "this is not parquet");
        assertLoadingFails(garbage).hasMessageStartingWith(garbage + ": not a readable Parquet file");
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        assertThatThrownBy(() -> EventFile.of(folder, InputShape.ECOMMERCE))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("cannot read the file");
        assertThatThrownBy(() -> EventFile.of(dir.resolve("absent.csv"), InputShape.ECOMMERCE))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> EventFile.of(dir.resolve("events.json"), InputShape.ECOMMERCE))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("papi reads .csv or .parquet files");
    }
}
