package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
