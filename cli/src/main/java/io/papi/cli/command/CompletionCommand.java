package io.papi.cli.command;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code papi completion}: a completion script generated from the real command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script for papi.",
                "bash: source <(papi completion)    zsh: autoload -U +X bashcompinit && bashcompinit && source <(papi completion)"})
public final class CompletionCommand extends PapiSubcommand {
    @Override
    protected int run() {
        out().print(AutoComplete.bash("papi", spec.root().commandLine()));
        return 0;
    }
}
