package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The lookup store a command serves from or publishes to: {@code --store}, {@code --table}, {@code -c}, and the
 * options those share ({@code --local-dir} for the h2 store, {@code --passphrase-file} for a connection's key).
 * Declared once for {@code papi serve} and {@code papi recommend}.
 */
public final class StoreOptions {
    @Option(
            names = "--store",
            paramLabel = "h2|snowflake",
            description =
                    "Lookup store: h2, the local account's embedded store, or snowflake, a hybrid table reached over your "
                            + "connection (-c) outside SPCS (env PAPI_STORE; default h2)")
    String store;

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

    /** The kinds of lookup store. */
    public enum Kind {
        /** The local account's embedded store. */
        H2,
        /** A Snowflake hybrid table. */
        SNOWFLAKE;

        /** As {@code --store} names it. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The store given (any case), else the default. */
    public Kind kind(Settings settings) {
        String kind = settings.require(Setting.STORE, store).toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "h2" -> Kind.H2;
            case "snowflake" -> Kind.SNOWFLAKE;
            default -> throw PapiException.usage("--store must be h2 or snowflake, not '" + kind + "'");
        };
    }

    /** The lookup table's name as given, else the default. */
    public String table(Settings settings) {
        return table.name(settings);
    }

    /** Whether {@code --store} was given on the command line. */
    public boolean storeGiven() {
        return store != null;
    }
}
