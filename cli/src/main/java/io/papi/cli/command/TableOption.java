package io.papi.cli.command;

import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import io.papi.lookup.LookupTable;
import picocli.CommandLine.Option;

/** {@code --table}: the lookup table a command reads or writes (its default is the lookup-table contract's). */
public final class TableOption {
    @Option(
            names = "--table",
            paramLabel = "TABLE",
            description = "Lookup table (env PAPI_TABLE; default " + LookupTable.DEFAULT_NAME + ")")
    String table;

    /** The table given by flag, environment or connection, else the default. */
    public String name(Settings settings) {
        return settings.require(Setting.TABLE, table);
    }
}
