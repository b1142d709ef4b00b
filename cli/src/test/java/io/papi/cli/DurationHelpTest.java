package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One duration grammar, said in --help and read the same by every DURATION option. */
class DurationHelpTest {
    @TempDir
    Path home;

    @Test
    void commandsWithDurationOptionsSayHowDurationsAreWritten() {
        for (String command : new String[] {"jwt", "serve", "local", "call"}) {
            var result = new CliRun(home).run(command, "--help");
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).contains("DURATION: 30 (seconds), 500ms, 30s, 1h30m or PT5M.");
        }
        assertThat(new CliRun(home).run("keygen", "--help").out()).doesNotContain("DURATION:");
    }

    @Test
    void aDurationFlagTakesBareSecondsCombinedUnitsAndIso8601() {
        // picocli converts option values while parsing, before it shows the help
        for (String timeout : new String[] {"30", "500ms", "1h30m", "PT5M"}) {
            var result = new CliRun(home).run("serve", "--store-timeout", timeout, "--help");
            assertThat(result.exitCode()).as(timeout).isZero();
        }
        var bad = new CliRun(home).run("serve", "--store-timeout", "soon", "--help");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .contains("'soon' is not a duration: write it like 30 (seconds), 500ms, 30s, 1h30m or PT5M");
    }

    @Test
    void everyDurationOptionInEveryCommandAndMixinTakesTheOneGrammarAndItsError() {
        // the converter is registered once for the type where papi builds its command line
        List<List<String>> found = new ArrayList<>();
        CommandTree.of(home)
                .forEach((path, cmd) -> cmd.getCommandSpec().options().stream()
                        .filter(option -> option.type() == Duration.class)
                        .forEach(option -> {
                            List<String> args = new ArrayList<>(path);
                            args.add(option.longestName());
                            found.add(args);
                        }));
        assertThat(found)
                .contains(
                        List.of("serve", "--store-timeout"),
                        List.of("local", "--session-lifetime"),
                        List.of("quickstart", "--session-lifetime"),
                        List.of("recommend", "lists", "--window"),
                        List.of("recommend", "lists", "--half-life"));
        for (List<String> option : found) {
            for (String value : new String[] {"30", "1h30m", "PT5M"}) {
                List<String> args = new ArrayList<>(option);
                args.add(value);
                args.add("--help");
                var result = new CliRun(home).run(args.toArray(String[]::new));
                assertThat(result.exitCode()).as("%s %s", option, value).isZero();
            }
            List<String> bad = new ArrayList<>(option);
            bad.add("soon");
            var result = new CliRun(home).run(bad.toArray(String[]::new));
            assertThat(result.exitCode()).as(option.toString()).isEqualTo(2);
            assertThat(result.err())
                    .as(option.toString())
                    .contains("Invalid value for option '" + option.get(option.size() - 1)
                            + "': 'soon' is not a duration: write it like 30 (seconds), 500ms, 30s, 1h30m or PT5M");
        }
    }
}
