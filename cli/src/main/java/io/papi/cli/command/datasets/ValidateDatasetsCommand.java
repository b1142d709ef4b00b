package io.papi.cli.command.datasets;

import io.papi.cli.PapiException;
import io.papi.cli.command.PapiSubcommand;
import io.papi.datasets.DatasetException;
import io.papi.datasets.Validator;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code papi datasets validate DIR}: Personalize's import rules over dataset folders. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check dataset folders against Amazon Personalize's import rules.",
            "Prints one line per problem (dataset, row, rule), then which recipes the datasets can train.",
            "Exit 1 on an error; warnings leave exit 0 unless --strict."
        })
final class ValidateDatasetsCommand extends PapiSubcommand {
    @Parameters(paramLabel = "DIR", description = "A build's --out folder, or one dataset folder in it")
    Path dir;

    @Option(names = "--strict", description = "Treat warnings as errors")
    boolean strict;

    @Override
    protected int run() {
        try {
            return ValidationOutput.print(Validator.validate(List.of(dir), strict), out(), err());
        } catch (DatasetException e) {
            throw PapiException.usage(e.getMessage());
        }
    }
}
