package io.papi.cli.command;

import io.papi.cli.config.Settings;
import picocli.CommandLine.Mixin;

/**
 * Which store a command serves from or publishes to, and how it reaches it: {@code --store}, {@code -c},
 * {@code --local-dir} for the h2 store and {@code --passphrase-file} for a connection's key. The table is the
 * command's own: {@link StoreOptions} adds {@code --table} for the lookup table, {@code papi recommend lists} has
 * {@code --lists-table}.
 */
public class StoreAccessOptions {
    @Mixin
    StoreOption store = new StoreOption();

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

    /** Whether {@code --store} was given on the command line. */
    public boolean storeGiven() {
        return store.given();
    }
}
