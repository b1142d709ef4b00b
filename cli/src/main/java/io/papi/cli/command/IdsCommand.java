package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.cli.config.Settings;
import io.papi.cli.stack.LocalStore;
import io.papi.files.SecureFiles;
import io.papi.lookup.TableName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi ids}: the id file a load test reads, made from the data actually served. */
@Command(
        name = "ids",
        mixinStandardHelpOptions = true,
        description = {
            "Write the id file of a load test (jmeter/papi.jmx reads it).",
            "One id a line, no header.",
            "The ids come from the local store's lookup table (what ./papi quickstart serves), or from --range.",
            "They are shuffled with --seed so that consecutive requests spread over the table (--sorted keeps order).",
            "The file is written atomically; an existing file is kept unless --force."
        })
public final class IdsCommand extends PapiSubcommand {
    /** Ids the API accepts (numeric or alphanumeric mode): nothing else would make a valid request or CSV line. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9]{1,32}");

    private static final Pattern RANGE = Pattern.compile("(\\d{1,18})-(\\d{1,18})");
    /** Larger files buy nothing: an hour at 200 requests/s is 720,000 requests. */
    static final int MOST_IDS = 1_000_000;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            defaultValue = "cust_ids.csv",
            description = "File to write (default: ${DEFAULT-VALUE}, the name the plan looks for)")
    Path out;

    @Option(
            names = "--count",
            paramLabel = "N",
            description = "Write N ids, picked at random with --seed (default: all of them)")
    Integer count;

    @Option(
            names = "--range",
            paramLabel = "FIRST-LAST",
            description = "Numeric ids FIRST to LAST inclusive (e.g. 1-943) instead of the local store's")
    String range;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of the shuffle and of --count's pick (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--sorted", description = "Write the ids in ascending order instead of shuffled")
    boolean sorted;

    @Option(names = "--force", description = "Replace FILE if it exists")
    boolean force;

    @Mixin
    TableOption table = new TableOption();

    @Mixin
    LocalDirOption localDir = new LocalDirOption();

    @Override
    protected int run() throws IOException {
        if (count != null && count < 1) {
            throw PapiException.usage("--count must be at least 1, not " + count);
        }
        if (Files.exists(out) && !force) {
            throw PapiException.usage(out + " already exists; use --force to replace it, or --out for another file");
        }
        String source;
        List<String> ids;
        if (range != null) {
            ids = rangeIds(range);
            source = "the range " + range;
        } else {
            String tableName = table.name(new Settings(environment(), null, this::warn));
            ids = storeIds(localDir.resolve(environment()), TableName.of(tableName));
            source = "the local store's " + tableName;
        }
        List<String> chosen = choose(ids, source);
        write(chosen);
        out().println("Wrote " + chosen.size() + " ids to " + out + " (from " + source + ", "
                + (sorted ? "sorted" : "shuffled with seed " + seed) + ")");
        return 0;
    }

    private static List<String> rangeIds(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw PapiException.usage(
                    "--range must be FIRST-LAST with two whole numbers, such as 1-943, not '" + text + "'");
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (first > last) {
            throw PapiException.usage("--range " + text + " is empty: FIRST must not be greater than LAST");
        }
        if (last - first >= MOST_IDS) {
            throw PapiException.usage("--range " + text + " holds " + (last - first + 1) + " ids; at most " + MOST_IDS
                    + " are written: narrow the range");
        }
        List<String> ids = new ArrayList<>((int) (last - first + 1));
        for (long id = first; id <= last; id++) {
            ids.add(Long.toString(id));
        }
        return ids;
    }

    /** Every id in the lookup table, in ascending order; never creates a store where there is none. */
    private List<String> storeIds(Path dir, TableName tableName) {
        String hint = "run ./papi quickstart first (it makes the store), or give --range FIRST-LAST";
        if (dir.toAbsolutePath().toString().indexOf(';') >= 0) {
            throw PapiException.usage(
                    "local account directory " + dir + " contains ';', which H2 cannot open: use another --local-dir");
        }
        if (!Files.exists(dir.resolve("store.mv.db"))) {
            throw PapiException.usage("no local store in " + dir + ": " + hint);
        }
        List<String> ids = new ArrayList<>();
        int skipped = 0;
        try (Connection c = DriverManager.getConnection(LocalStore.jdbcUrl(dir) + ";IFEXISTS=TRUE");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT USER_ID FROM " + tableName.sql())) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (id != null && PLAIN_ID.matcher(id).matches()) {
                    ids.add(id);
                } else {
                    skipped++;
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1) {
                throw PapiException.usage(
                        "the local store in " + dir + " has no table " + tableName.name() + ": " + hint);
            }
            throw PapiException.failure("cannot read the local store in " + dir + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (skipped > 0) {
            warn("skipped " + skipped + " ids that are not 1 to 32 letters and digits (the API would refuse them)");
        }
        if (ids.isEmpty()) {
            throw PapiException.failure(
                    "the table " + tableName.name() + " in " + dir + " holds no usable ids: " + hint);
        }
        ids.sort(NUMERIC_FIRST);
        return ids;
    }

    /** Numbers in numeric order (2 before 10), then other ids in text order. */
    static final Comparator<String> NUMERIC_FIRST = (a, b) -> {
        boolean na = a.chars().allMatch(Character::isDigit);
        boolean nb = b.chars().allMatch(Character::isDigit);
        if (na && nb) {
            String sa = a.replaceFirst("^0+(?=.)", "");
            String sb = b.replaceFirst("^0+(?=.)", "");
            return sa.length() != sb.length() ? Integer.compare(sa.length(), sb.length()) : sa.compareTo(sb);
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    };

    private List<String> choose(List<String> ids, String source) {
        if (count != null && count > ids.size()) {
            throw PapiException.usage(
                    source + " holds " + ids.size() + " ids; ask for --count " + ids.size() + " or fewer");
        }
        List<String> chosen = new ArrayList<>(ids);
        Collections.shuffle(chosen, new Random(seed));
        if (count != null) {
            chosen = new ArrayList<>(chosen.subList(0, count));
        }
        if (sorted) {
            chosen.sort(NUMERIC_FIRST);
        }
        return chosen;
    }

    private void write(List<String> ids) {
        StringBuilder text = new StringBuilder(ids.size() * 8);
        ids.forEach(id -> text.append(id).append('\n'));
        try {
            SecureFiles.writeAtomically(
                    out, text.toString().getBytes(StandardCharsets.US_ASCII), SecureFiles.WORLD_READABLE);
        } catch (NoSuchFileException e) {
            throw PapiException.usage("cannot write " + out + ": the directory "
                    + out.toAbsolutePath().getParent() + " does not exist");
        } catch (IOException e) {
            throw PapiException.failure("cannot write " + out + ": " + e.getMessage());
        }
    }
}
