package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.cli.config.ConfigurationTable;
import io.papi.cli.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** --help, docs/configuration.md and the Setting table say the same thing. */
class HelpAndDocsTest {
    @TempDir
    Path home;

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/configuration.md"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    @Test
    void configurationDocHoldsTheGeneratedTable() throws Exception {
        Path root = repoRoot();
        assertThat(root)
                .as("docs/configuration.md above " + Path.of("").toAbsolutePath())
                .isNotNull();
        String doc = Files.readString(root.resolve("docs/configuration.md"));
        assertThat(doc)
                .as("docs/configuration.md is stale: run scripts/regen-config.sh after mvn -DskipTests package")
                .contains(ConfigurationTable.markdown());
    }

    @Test
    void everySettingWithAFlagIsAnOptionWhoseHelpNamesItsVariable() {
        List<OptionSpec> options = CommandTree.of(home).values().stream()
                .flatMap(cmd -> cmd.getCommandSpec().options().stream())
                .toList();
        for (Setting setting : Setting.values()) {
            if (setting.flag().isEmpty()) {
                continue;
            }
            String flag = setting.flag().get().replaceAll(".*, ", "");
            List<OptionSpec> matching = options.stream()
                    .filter(o -> List.of(o.names()).contains(flag))
                    .toList();
            assertThat(matching).as("an option %s for %s", flag, setting).isNotEmpty();
            setting.env()
                    .ifPresent(env -> assertThat(matching)
                            .as("help of %s names %s", flag, env)
                            .anyMatch(o -> String.join(" ", o.description()).contains(env)));
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (CommandLine cmd : CommandTree.of(home).values()) {
            assertThat(cmd.getCommandSpec().usageMessage().description())
                    .as(cmd.getCommandName())
                    .isNotEmpty();
            assertThat(cmd.getCommandSpec().optionsMap())
                    .as(cmd.getCommandName())
                    .containsKey("--help");
        }
    }

    @Test
    void noCommandsHelpPrintsAPicocliWarningAndEveryCommandListFitsOneLineAnEntry() {
        List<List<String>> all = new ArrayList<>(CommandTree.of(home).keySet());
        assertThat(all).hasSizeGreaterThan(15);
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream tracer = new java.io.ByteArrayOutputStream();
        try {
            // picocli's warnings go to System.err, not to the command line's writers
            System.setErr(new java.io.PrintStream(tracer, true, java.nio.charset.StandardCharsets.UTF_8));
            for (List<String> path : all) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                var result = new CliRun(home).run(args.toArray(String[]::new));
                String shown = String.join(" ", args);
                assertThat(result.exitCode()).as(shown).isZero();
                assertThat(result.out() + result.err())
                        .as(shown)
                        .doesNotContain("picocli WARN")
                        .doesNotContain("%n");
                assertThat(tracer.toString(java.nio.charset.StandardCharsets.UTF_8))
                        .as(shown)
                        .isEmpty();
                int commands = result.out().indexOf("Commands:\n");
                if (commands >= 0) {
                    for (String line : result.out()
                            .substring(commands + "Commands:\n".length())
                            .split("\n")) {
                        if (line.isBlank() || !line.startsWith(" ")) {
                            break;
                        }
                        assertThat(line)
                                .as("%s: each command's first sentence fits its line of the command list", shown)
                                .matches("  \\S+ +\\S.*\\.");
                    }
                }
            }
        } finally {
            System.setErr(systemErr);
        }
    }

    @Test
    void versionComesFromTheBuild() {
        var result = new CliRun(home).run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("papi ").doesNotContain("${").doesNotContain("unknown");
    }

    @Test
    void completionScriptCoversTheCommands() {
        var result = new CliRun(home).run("completion");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("complete -F")
                .contains("keygen")
                .contains("token")
                .contains("user");
    }

    @Test
    void completionInstallWritesBothShellsScriptsAndSourcesTheZshOneOnce() throws Exception {
        Files.writeString(home.resolve(".zshrc"), "export EDITOR=vi");
        CliRun cli = new CliRun(home).env("XDG_DATA_HOME", home.resolve("data").toString());

        var first = cli.run("completion", "--install");
        var again = cli.run("completion", "--install");

        first.succeeds();
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readString(home.resolve("data/bash-completion/completions/papi")))
                .contains("complete -F")
                .contains("keygen");
        String zsh = Files.readString(home.resolve("data/papi/completion.zsh"));
        assertThat(zsh).contains("bashcompinit").contains("complete -F");
        String zshrc = Files.readString(home.resolve(".zshrc"));
        assertThat(zshrc)
                .startsWith("export EDITOR=vi\n")
                .contains("source '" + home.resolve("data/papi/completion.zsh") + "'");
        assertThat(zshrc.split("papi completion", -1))
                .as("the line is added once")
                .hasSize(2);
        assertThat(again.out()).contains("already sources it");
        try (var files = Files.list(home.resolve("data/papi"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("completion.zsh");
        }
    }

    @Test
    void rootHelpDocumentsExitCodes() {
        var result = new CliRun(home).run("--help");
        assertThat(result.out()).contains("Exit codes:").contains("2  the command was called wrongly");
    }
}
