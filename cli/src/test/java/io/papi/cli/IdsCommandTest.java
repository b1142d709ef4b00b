package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.cli.stack.LocalStore;
import io.papi.lookup.LookupTable;
import io.papi.lookup.TableName;
import io.papi.recommender.LookupPublisher;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.RecommendedItem;
import io.papi.recommender.UserRecommendations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papi ids}: the load test's id file, from the store being served or from a range. */
class IdsCommandTest {
    @TempDir
    Path home;

    Path localDir;
    Path out;
    CliRun cli;

    @BeforeAll
    static void loopbackOnly() {
        // the store is opened with AUTO_SERVER, which listens on every interface unless told otherwise
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    @BeforeEach
    void setUp() {
        cli = new CliRun(home);
        localDir = home.resolve("local");
        out = home.resolve("cust_ids.csv");
    }

    private void publish(String table, long... userIds) throws Exception {
        Files.createDirectories(localDir);
        List<UserRecommendations> rows = new ArrayList<>();
        for (long id : userIds) {
            rows.add(new UserRecommendations(id, List.of(new RecommendedItem(50, "Star Wars (1977)", 4.5))));
        }
        try (Connection c = DriverManager.getConnection(LocalStore.jdbcUrl(localDir))) {
            LookupPublisher.h2(c, TableName.of(table)).publish(rows, ProgressListener.NONE);
        }
    }

    private CliRun.Result ids(String... args) {
        List<String> all = new ArrayList<>(List.of("ids", "--local-dir", localDir.toString(), "--out", out.toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(out);
    }

    private static void assertOneLineUsageError(CliRun.Result result, String... mentions) {
        result.failsWith(2);
        assertThat(result.out()).as(result.toString()).isEmpty();
        assertThat(result.err()).contains(mentions);
    }

    @Test
    void writesEveryIdOfTheLocalStoreOnceAndNothingElse() throws Exception {
        publish(LookupTable.DEFAULT_NAME, 3, 1, 22, 7, 186);

        var result = ids();

        result.succeeds();
        assertThat(lines()).containsExactlyInAnyOrder("1", "3", "7", "22", "186");
        assertThat(result.out()).contains("Wrote 5 ids to " + out).contains("MOVIE_RECOMMENDATIONS_HYBRID");
    }

    @Test
    void readsTheTableNamedByPapiTable() throws Exception {
        publish("OTHER_LOOKUP", 5, 6);

        var result = cli.env("PAPI_TABLE", "OTHER_LOOKUP")
                .run("ids", "--local-dir", localDir.toString(), "--out", out.toString());

        result.succeeds();
        assertThat(lines()).containsExactlyInAnyOrder("5", "6");
    }

    @Test
    void countPicksThatManyDistinctIdsOfTheStore() throws Exception {
        publish(LookupTable.DEFAULT_NAME, LongStream.rangeClosed(1, 50).toArray());

        var result = ids("--count", "10");

        result.succeeds();
        assertThat(lines())
                .hasSize(10)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(Long.parseLong(id)).isBetween(1L, 50L));
    }

    @Test
    void sortedWritesNumbersInNumericOrder() throws Exception {
        publish(LookupTable.DEFAULT_NAME, 10, 2, 33, 1);

        ids("--sorted");

        assertThat(lines()).containsExactly("1", "2", "10", "33");
    }

    @Test
    void shuffleSpreadsTheIdsAndTheSameSeedGivesTheSameFile() throws Exception {
        ids("--range", "1-200");
        List<String> first = lines();
        ids("--range", "1-200", "--force");
        List<String> again = lines();
        ids("--range", "1-200", "--force", "--seed", "7");
        List<String> otherSeed = lines();

        assertThat(first)
                .hasSize(200)
                .doesNotHaveDuplicates()
                .isNotEqualTo(first.stream().sorted().toList());
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).containsExactlyInAnyOrderElementsOf(first).isNotEqualTo(first);
    }

    @Test
    void rangeWritesEveryIdInItWithoutTouchingAnyStore() throws Exception {
        var result = ids("--range", "1-943", "--sorted");

        result.succeeds();
        assertThat(lines()).hasSize(943).startsWith("1", "2", "3").endsWith("943");
        assertThat(localDir).doesNotExist();
    }

    @Test
    void theFileIsReadableByOthersAndLeavesNoTemporaryFileBehind() throws Exception {
        ids("--range", "1-5");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cust_ids.csv");
        }
    }

    @Test
    void refusesToReplaceAnExistingFileWithoutForce() throws Exception {
        Files.writeString(out, "mine\n");

        var result = ids("--range", "1-5");

        assertOneLineUsageError(result, out.toString(), "--force");
        assertThat(Files.readString(out)).isEqualTo("mine\n");
    }

    @Test
    void forceReplacesAnExistingFile() throws Exception {
        Files.writeString(out, "mine\n");

        var result = ids("--range", "1-5", "--force", "--sorted");

        result.succeeds();
        assertThat(lines()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void withoutAStoreSaysToRunQuickstartOrUseARangeAndCreatesNone() {
        var result = ids();

        assertOneLineUsageError(result, "no local store", "quickstart", "--range");
        assertThat(localDir.resolve("store.mv.db")).doesNotExist();
        assertThat(out).doesNotExist();
    }

    @Test
    void aStoreWithoutTheTableIsNamedInTheError() throws Exception {
        publish(LookupTable.DEFAULT_NAME, 1);

        assertOneLineUsageError(ids("--table", "NO_SUCH_TABLE"), "NO_SUCH_TABLE", "quickstart");
    }

    @Test
    void anInvalidTableNameIsRefusedBeforeAnySql() throws Exception {
        publish(LookupTable.DEFAULT_NAME, 1);

        assertOneLineUsageError(ids("--table", "X; DROP TABLE Y"), "not a plain identifier");
    }

    @Test
    void aCountLargerThanTheStoreIsRefused() throws Exception {
        publish(LookupTable.DEFAULT_NAME, 1, 2, 3);

        assertOneLineUsageError(ids("--count", "4"), "holds 3 ids", "--count 3");
        assertThat(out).doesNotExist();
    }

    @Test
    void malformedRangesAreRefusedWithAnExample() {
        for (String bad : new String[] {"1..943", "943-1", "a-b", "5", "1-"}) {
            assertOneLineUsageError(ids("--range", bad), "--range");
        }
        assertOneLineUsageError(ids("--range", "1-2000000"), "at most 1000000");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCountBelowOneIsRefused() {
        assertOneLineUsageError(ids("--range", "1-5", "--count", "0"), "--count must be at least 1");
    }

    @Test
    void aMissingOutputDirectoryIsNamed() {
        out = home.resolve("no/such/dir/cust_ids.csv");

        assertOneLineUsageError(
                ids("--range", "1-5"),
                "does not exist",
                home.resolve("no/such/dir").toString());
    }
}
