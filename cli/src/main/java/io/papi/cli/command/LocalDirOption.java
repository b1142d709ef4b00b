package io.papi.cli.command;

import io.papi.cli.Environment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --local-dir}: where the local account lives. */
public final class LocalDirOption {
    @Option(
            names = "--local-dir",
            paramLabel = "DIR",
            description = "Local account directory (env PAPI_LOCAL_DIR; default $PAPI_HOME/local, i.e. ~/.papi/local)")
    Path localDir;

    public Path resolve(Environment environment) {
        if (localDir != null) {
            return localDir;
        }
        return environment
                .get("PAPI_LOCAL_DIR")
                .map(Path::of)
                .orElse(environment.papiHome().resolve("local"));
    }
}
