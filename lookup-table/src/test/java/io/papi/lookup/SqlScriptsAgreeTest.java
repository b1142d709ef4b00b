package io.papi.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scripts in sql/ create the lookup tables exactly as the contract does (for the guide's numeric ids). */
class SqlScriptsAgreeTest {
    /** A CREATE statement of a table, up to its semicolon (none inside a quoted string counts); comments are removed first. */
    private static final Pattern CREATE = Pattern.compile(
            "CREATE\\s+(HYBRID\\s+)?TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+([A-Za-z0-9_$.]+)\\s*\\((?:[^;']|'[^']*')*;");

    record Create(Path file, String table, String text) {}

    @Test
    void everyScriptCreatesTheLookupTablesAsTheContractDoes() throws IOException {
        List<Create> creates = lookupTableCreates();
        assertThat(creates)
                .extracting(c ->
                        c.file().getFileName() + " " + TableName.of(c.table()).table())
                .contains(
                        "06_hybrid_table.sql " + LookupTable.DEFAULT_NAME,
                        "itemknn.sql " + LookupTable.DEFAULT_NAME,
                        "itemknn.sql " + LookupTable.DEFAULT_BATCH_NAME);
        for (Create create : creates) {
            TableName name = TableName.of(create.table());
            String contract = name.table().equals(LookupTable.DEFAULT_NAME)
                    ? LookupDdl.snowflakeLookup(name, KeyType.NUMBER)
                    : LookupDdl.snowflakeBatch(name, KeyType.NUMBER);
            assertThat(normalised(create.text()))
                    .as(create.file() + " creates " + create.table())
                    .isEqualTo(normalised(contract.replace("\"", "")));
        }
    }

    @Test
    void theNormalisationKeepsWhatMatters() {
        assertThat(normalised("CREATE TABLE IF NOT EXISTS T (\n  USER_ID NUMBER(38,0),\n  R VARIANT\n) COMMENT = 'x';"))
                .isEqualTo("CREATE TABLE IF NOT EXISTS T (USER_ID NUMBER(38,0), R VARIANT)");
        assertThat(normalised("CREATE TABLE IF NOT EXISTS T (USER_ID NUMBER, R VARIANT)"))
                .isNotEqualTo(normalised("CREATE TABLE IF NOT EXISTS T (USER_ID NUMBER(38,0), R VARIANT)"));
    }

    /** Whitespace folded, no space inside parentheses, a trailing COMMENT clause and semicolon dropped. */
    static String normalised(String statement) {
        return statement
                .replaceAll("\\s+", " ")
                .replaceAll("\\( ", "(")
                .replaceAll(" \\)", ")")
                .replaceAll("\\s*COMMENT\\s*=\\s*'[^']*'", "")
                .replaceAll("\\s*;$", "")
                .strip();
    }

    private static List<Create> lookupTableCreates() throws IOException {
        Path sql = repoRoot().resolve("sql");
        List<Create> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sql)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                String code = withoutComments(Files.readString(file));
                Matcher m = CREATE.matcher(code);
                while (m.find()) {
                    String table = m.group(2).toUpperCase(Locale.ROOT);
                    String last = table.substring(table.lastIndexOf('.') + 1);
                    if (last.equals(LookupTable.DEFAULT_NAME) || last.equals(LookupTable.DEFAULT_BATCH_NAME)) {
                        found.add(new Create(file, m.group(2), m.group()));
                    }
                }
            }
        }
        return found;
    }

    private static String withoutComments(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            int comment = line.indexOf("--");
            code.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        return code.toString();
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sql"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("a sql/ folder above " + Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }
}
