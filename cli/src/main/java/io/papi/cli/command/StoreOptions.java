package io.papi.cli.command;

import io.papi.cli.config.Settings;
import picocli.CommandLine.Mixin;

/**
 * The lookup store a command serves from or publishes to: {@code --store}, {@code --table}, {@code -c}, and the
 * options those share ({@code --local-dir} for the h2 store, {@code --passphrase-file} for a connection's key).
 * Declared once for {@code papi serve} and {@code papi recommend}.
 */
public final class StoreOptions {
    @Mixin
    StoreOption store = new StoreOption();

    @Mixin
    TableOption table = new TableOption();

    @Mixin
    ConnectionOption connection = new ConnectionOption();

    @Mixin
    LocalDirOption localDir = new LocalDirOption();

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    /** The settings of this command's connection ({@code -c}, else the environment's or the default connection). */
    public Settings settings(PapiSubcommand command) {
        return connection.settings(command.environment(), command::warn);
    }

    /** The store given (any case), else the default. */
    public StoreOption.Kind kind(Settings settings) {
        return store.kind(settings);
    }

    /** The lookup table's name as given, else the default. */
    public String table(Settings settings) {
        return table.name(settings);
    }

    /** Whether {@code --store} was given on the command line. */
    public boolean storeGiven() {
        return store.given();
    }
}
