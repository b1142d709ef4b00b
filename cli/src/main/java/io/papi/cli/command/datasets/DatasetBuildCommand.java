package io.papi.cli.command.datasets;

import io.papi.cli.PapiException;
import io.papi.cli.command.ConnectionOption;
import io.papi.cli.command.PapiSubcommand;
import io.papi.cli.command.PassphraseOptions;
import io.papi.cli.config.Settings;
import io.papi.cli.snowflake.SnowflakeJdbc;
import io.papi.datasets.BuildOptions;
import io.papi.datasets.BuildResult;
import io.papi.datasets.DatasetException;
import io.papi.datasets.DatasetSql;
import io.papi.datasets.EventFile;
import io.papi.datasets.LocalDatasetBuilder;
import io.papi.datasets.SnowflakeDatasetBuilder;
import io.papi.datasets.TrainingDataset;
import io.papi.datasets.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flow every Snowplow dataset build shares: from a file on the embedded engine into {@code --out}, or from a
 * Snowflake table in the warehouse onto {@code --stage}; then validation of what was written.
 */
abstract class DatasetBuildCommand extends PapiSubcommand {
    @Mixin
    WindowOptions window = new WindowOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    ConnectionOption connection = new ConnectionOption();

    @Option(
            names = "--table",
            paramLabel = "DB.SCHEMA.TABLE",
            description =
                    "Read a Snowflake table over your connection (-c) instead of a file; the build runs in the warehouse and "
                            + "unloads to --stage")
    String table;

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    /** The subcommand's events file flag and the options that shape the build. */
    @Mixin
    private EventInput input;

    DatasetBuildCommand(EventInput input) {
        this.input = input;
    }

    private EventInput input() {
        return input;
    }

    @Override
    protected int run() throws Exception {
        BuildOptions options = input().refine(
                        BuildOptions.defaults().withWindow(window.window()).withFormats(output.formats()));
        try {
            if (table != null) {
                if (input().file() != null) {
                    throw PapiException.usage("give either " + input().fileFlag() + " FILE or --table, not both");
                }
                return fromSnowflake(options);
            }
            return fromFile(options);
        } catch (DatasetException e) {
            throw PapiException.of(e.getMessage(), e.badInput());
        }
    }

    private List<TrainingDataset> datasets() {
        return input().datasets();
    }

    private int fromFile(BuildOptions options) throws IOException {
        if (input().file() == null) {
            throw PapiException.usage(input().fileFlag() + " FILE is required (a .csv or .parquet shaped like "
                    + input().shape().table()
                    + "), or -c CONNECTION --table DB.SCHEMA.TABLE; make test data with: papi data generate --kind "
                    + input().shape().name().toLowerCase(Locale.ROOT) + " --out events");
        }
        if (output.stage != null) {
            throw PapiException.usage("--stage needs a Snowflake source (--table); for a file, use --out DIR");
        }
        if (output.printSql) {
            for (TrainingDataset dataset : datasets()) {
                out().println("-- " + dataset.folder());
                out().println(DatasetSql.select(dataset, input().shape().table(), options)
                                .strip() + ";");
                out().println();
            }
            return 0;
        }
        if (output.out == null) {
            throw PapiException.usage("--out DIR is required: the folder to write the dataset folders into");
        }
        EventFile file = EventFile.of(input().file(), input().shape());
        long started = System.nanoTime();
        BuildResult result = LocalDatasetBuilder.buildInto(file, datasets(), options, output.out, output.force);
        double seconds = (System.nanoTime() - started) / 1e9;
        for (TrainingDataset dataset : datasets()) {
            out().printf(
                            Locale.ROOT,
                            "%,12d rows  %s%n",
                            result.rows().get(dataset),
                            output.out.resolve(dataset.folder()));
        }
        out().printf(Locale.ROOT, "built in %.2f s, window %s%n", seconds, options.window());
        List<Path> folders =
                datasets().stream().map(d -> output.out.resolve(d.folder())).toList();
        long validating = System.nanoTime();
        int code = ValidationOutput.print(Validator.validate(folders, output.strict), out(), err());
        out().printf(
                        Locale.ROOT,
                        "validated in %.2f s; %s%n",
                        (System.nanoTime() - validating) / 1e9,
                        PeakMemory.describe());
        return code;
    }

    private int fromSnowflake(BuildOptions options) throws SQLException {
        if (output.out != null) {
            throw PapiException.usage("--table builds in Snowflake and unloads to --stage; --out is for file sources");
        }
        if (output.stage == null && !output.printSql) {
            throw PapiException.usage(
                    "--table needs --stage @DB.SCHEMA.STAGE to unload to (or --print-sql to see the statements)");
        }
        SnowflakeDatasetBuilder builder = new SnowflakeDatasetBuilder(
                input().shape(),
                table,
                datasets(),
                options,
                output.stage != null ? output.stage : "@MY_DB.MY_SCHEMA.MY_STAGE");
        if (output.printSql) {
            for (String statement : builder.allStatements()) {
                out().println(statement + ";");
                out().println();
            }
            return 0;
        }
        Settings settings = connection.settings(environment(), this::warn);
        try (Connection jdbc = SnowflakeJdbc.target(settings, null, null, null, passphrase.source(settings))
                .connect()) {
            BuildResult result = builder.run(jdbc);
            for (TrainingDataset dataset : datasets()) {
                out().printf(
                                Locale.ROOT,
                                "%,12d rows  %s/%s/%n",
                                result.rows().get(dataset),
                                output.stage,
                                dataset.folder());
            }
            // the rules checked in the warehouse, on the session's temporary tables
            return ValidationOutput.print(builder.validate(jdbc, output.strict), out(), err());
        }
    }
}
