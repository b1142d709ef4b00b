package io.papi.cli.stack;

import java.nio.file.Path;

/** Where the local account keeps its lookup table: one H2 database beside the user registry. */
public final class LocalStore {
    public static final String DEFAULT_TABLE = "MOVIE_RECOMMENDATIONS_HYBRID";

    private LocalStore() {
    }

    /**
     * The JDBC URL of the embedded store. AUTO_SERVER lets {@code papi recommend --publish} write while
     * {@code papi serve} reads, from two processes.
     */
    public static String jdbcUrl(Path localDir) {
        return "jdbc:h2:file:" + localDir.toAbsolutePath().resolve("store") + ";AUTO_SERVER=TRUE";
    }
}
