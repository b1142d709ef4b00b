package io.papi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Every command of papi's real command line, by the arguments that reach it: {@code []}, {@code [user]}, ... */
final class CommandTree {
    private CommandTree() {}

    /** The whole tree, as {@link Papi#commandLine} builds it for a home with no settings. */
    static Map<List<String>, CommandLine> of(Path home) {
        Map<List<String>, CommandLine> all = new LinkedHashMap<>();
        add(Papi.commandLine(Environment.of(Map.of(), home)), List.of(), all);
        return all;
    }

    private static void add(CommandLine cmd, List<String> path, Map<List<String>, CommandLine> all) {
        all.put(path, cmd);
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            add(sub, subPath, all);
        });
    }
}
