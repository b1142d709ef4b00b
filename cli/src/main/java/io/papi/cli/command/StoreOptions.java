package io.papi.cli.command;

import io.papi.cli.config.Settings;
import picocli.CommandLine.Mixin;

/**
 * The lookup store a command serves from or publishes to: {@link StoreAccessOptions} and {@code --table}. Declared
 * once for {@code papi serve} and {@code papi recommend}.
 */
public final class StoreOptions extends StoreAccessOptions {
    @Mixin
    TableOption table = new TableOption();

    /** The lookup table's name as given, else the default. */
    public String table(Settings settings) {
        return table.name(settings);
    }
}
