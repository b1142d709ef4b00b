package io.papi.cli;

import io.papi.broker.Durations;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Every command with a DURATION option says in its {@code --help} how durations are written, in one place. */
final class DurationHelp {
    static final String LINE = "DURATION: " + Durations.FORMS + ".";

    private DurationHelp() {}

    static void explain(CommandLine command) {
        boolean takesDurations =
                command.getCommandSpec().options().stream().anyMatch(option -> "DURATION".equals(option.paramLabel()));
        if (takesDurations) {
            UsageMessageSpec usage = command.getCommandSpec().usageMessage();
            String[] footer = Arrays.copyOf(usage.footer(), usage.footer().length + 2);
            footer[footer.length - 2] = "";
            footer[footer.length - 1] = LINE;
            usage.footer(footer);
        }
        command.getSubcommands().values().forEach(DurationHelp::explain);
    }
}
