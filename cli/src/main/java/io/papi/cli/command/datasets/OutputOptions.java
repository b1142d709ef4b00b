package io.papi.cli.command.datasets;

import io.papi.cli.PapiException;
import io.papi.datasets.BuildOptions.OutputFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where and how a build writes: {@code --out DIR} or {@code --stage @DB.SCHEMA.STAGE}, and which files. */
public final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write the dataset folders into")
    Path out;

    @Option(
            names = "--stage",
            paramLabel = "@DB.SCHEMA.STAGE",
            description = "With --table: the Snowflake stage to unload to, <stage>/<dataset>/personalize-dataset.csv")
    String stage;

    @Option(
            names = "--format",
            paramLabel = "csv,parquet",
            defaultValue = "csv,parquet",
            description = "Files to write besides schema.json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--force", description = "Replace dataset folders that already exist under --out")
    boolean force;

    @Option(names = "--strict", description = "Validation: treat warnings as errors")
    boolean strict;

    @Option(names = "--print-sql", description = "Print the SQL statements instead of running them")
    boolean printSql;

    Set<OutputFormat> formats() {
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String part : format.split(",")) {
            switch (part.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> formats.add(OutputFormat.CSV);
                case "parquet" -> formats.add(OutputFormat.PARQUET);
                default ->
                    throw PapiException.usage("--format takes csv, parquet or csv,parquet, not '" + format + "'");
            }
        }
        return formats;
    }
}
