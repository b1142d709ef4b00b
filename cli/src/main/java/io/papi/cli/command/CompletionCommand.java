package io.papi.cli.command;

import io.papi.cli.PapiException;
import io.papi.files.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code papi completion}: a completion script generated from the real command tree, printed or installed. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a bash/zsh completion script for papi.",
            "bash: source <(papi completion)    zsh: autoload -U +X bashcompinit && bashcompinit && source <(papi completion)",
            "--install writes it for both shells instead: bash-completion's user folder, and a file that ~/.zshrc sources."
        })
public final class CompletionCommand extends PapiSubcommand {
    static final String ZSHRC_MARK = "# papi completion";

    @Option(
            names = "--install",
            description = "Install the script for bash ($XDG_DATA_HOME/bash-completion/completions/papi) "
                    + "and zsh ($XDG_DATA_HOME/papi/completion.zsh, sourced from ~/.zshrc)")
    boolean install;

    @Override
    protected int run() {
        String script = AutoComplete.bash("papi", spec.root().commandLine());
        if (!install) {
            out().print(script);
            return 0;
        }
        Path data = environment()
                .get("XDG_DATA_HOME")
                .map(Path::of)
                .orElse(environment().userHome().resolve(".local/share"));
        Path bash = data.resolve("bash-completion/completions/papi");
        Path zsh = data.resolve("papi/completion.zsh");
        write(bash, script);
        write(
                zsh,
                "# papi completion for zsh: picocli's bash script through bashcompinit\n"
                        + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
                        + script);
        out().println("bash: wrote " + bash + " (bash-completion loads it in new shells)");
        Path zshrc = environment().userHome().resolve(".zshrc");
        String line = "[ -f '" + zsh + "' ] && source '" + zsh + "'  " + ZSHRC_MARK;
        try {
            String current = Files.exists(zshrc) ? Files.readString(zshrc, StandardCharsets.UTF_8) : "";
            if (current.contains(ZSHRC_MARK)) {
                out().println("zsh: wrote " + zsh + " (~/.zshrc already sources it)");
            } else {
                Files.writeString(
                        zshrc,
                        (current.isEmpty() || current.endsWith("\n") ? "" : "\n") + line + "\n",
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                out().println("zsh: wrote " + zsh + " and added a line to " + zshrc + " that sources it");
            }
        } catch (IOException e) {
            throw PapiException.failure(
                    "cannot update " + zshrc + ": " + e.getMessage() + "; add this line yourself: " + line);
        }
        out().println("Open a new shell to use it.");
        return 0;
    }

    /** Writes {@code text} whole or not at all, through papi's one atomic writer (owner-only, as before). */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            SecureFiles.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw PapiException.failure("cannot write " + file + ": " + e.getMessage());
        }
    }
}
