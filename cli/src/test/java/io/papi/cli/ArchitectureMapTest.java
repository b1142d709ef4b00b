package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/architecture.md and the package-info files stay a true map of the modules the build has. */
class ArchitectureMapTest {

    private static final Pattern MODULE = Pattern.compile("<module>([a-z-]+)</module>");

    private static List<String> modules(Path root) throws IOException {
        Matcher m = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    @Test
    void theMapNamesEveryModuleFolder() throws IOException {
        Path root = HelpAndDocsTest.repoRoot();
        String map = Files.readString(root.resolve("docs/architecture.md"));
        assertThat(modules(root)).isNotEmpty().allSatisfy(module -> assertThat(map).contains("`" + module + "/`"));
        assertThat(Files.readString(root.resolve("README.md"))).contains("(docs/architecture.md)");
    }

    @Test
    void everyModuleWithJavaHasAPackageInfoInItsRootPackageListingItsPublicTypes() throws IOException {
        Path root = HelpAndDocsTest.repoRoot();
        for (String module : modules(root)) {
            Path java = root.resolve(module).resolve("src/main/java/io/papi");
            if (!Files.isDirectory(java)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(java)) {
                for (Path rootPackage : dirs.filter(Files::isDirectory).toList()) {
                    Path info = rootPackage.resolve("package-info.java");
                    assertThat(info).as(module).exists();
                    String text = Files.readString(info);
                    for (String type : publicTypes(rootPackage)) {
                        assertThat(text).as(info + " lists " + type).contains("." + type + "}");
                    }
                }
            }
        }
    }

    @Test
    void noMainSourceFileNameRepeatsButPackageInfo() throws IOException {
        Path root = HelpAndDocsTest.repoRoot();
        Map<String, List<Path>> byName = new TreeMap<>();
        for (String module : modules(root)) {
            Path main = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .forEach(p -> byName.computeIfAbsent(p.getFileName().toString(), k -> new ArrayList<>()).add(p));
            }
        }
        Map<String, List<Path>> repeated = byName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1 && !e.getKey().equals("package-info.java"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(repeated).isEmpty();
    }

    private static List<String> publicTypes(Path rootPackage) throws IOException {
        Pattern publicType = Pattern.compile("(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum) (\\w+)");
        try (Stream<Path> files = Files.list(rootPackage)) {
            List<String> types = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = publicType.matcher(Files.readString(file));
                if (m.find()) {
                    types.add(m.group(1));
                }
            }
            return types;
        }
    }
}
