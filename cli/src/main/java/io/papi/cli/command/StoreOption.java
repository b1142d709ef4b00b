package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --store}: where a command's tables are, the local account's embedded database or Snowflake. Declared once
 * for {@code papi serve}, {@code papi recommend} and {@code papi recommend lists}, through {@link StoreAccessOptions}.
 */
public final class StoreOption {
    @Option(
            names = "--store",
            paramLabel = "h2|snowflake",
            description = "Where the tables are: h2, the local account's embedded database, or snowflake, reached "
                    + "over your connection (-c) outside SPCS (env PAPI_STORE; default h2)")
    String store;

    /** The kinds of store. */
    public enum Kind {
        /** The local account's embedded store. */
        H2,
        /** Snowflake hybrid tables. */
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

    /** Whether {@code --store} was given on the command line. */
    public boolean given() {
        return store != null;
    }
}
