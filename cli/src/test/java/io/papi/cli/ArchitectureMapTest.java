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
        assertThat(modules(root))
                .isNotEmpty()
                .allSatisfy(module -> assertThat(map).contains("`" + module + "/`"));
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
                        .forEach(p -> byName.computeIfAbsent(p.getFileName().toString(), k -> new ArrayList<>())
                                .add(p));
            }
        }
        Map<String, List<Path>> repeated = byName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1 && !e.getKey().equals("package-info.java"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(repeated).isEmpty();
    }

    @Test
    void publicSignaturesInARootPackageShowNoSubPackageType() throws Exception {
        Path root = HelpAndDocsTest.repoRoot();
        Pattern subPackageType = Pattern.compile("io\\.papi\\.[a-z]+\\.[a-z][a-z0-9]*\\.[A-Z]");
        List<String> leaks = new ArrayList<>();
        for (String module : modules(root)) {
            Path java = root.resolve(module).resolve("src/main/java/io/papi");
            if (!Files.isDirectory(java) || module.equals("test-support")) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(java)) {
                for (Path rootPackage : dirs.filter(Files::isDirectory).toList()) {
                    String packageName = "io.papi." + rootPackage.getFileName();
                    for (String type : publicTypes(rootPackage)) {
                        leaks.addAll(leaks(Class.forName(packageName + "." + type), subPackageType));
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static List<String> leaks(Class<?> type, Pattern subPackageType) {
        List<String> signatures = new ArrayList<>();
        for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                signatures.add(m.toGenericString());
            }
        }
        for (java.lang.reflect.Constructor<?> c : type.getDeclaredConstructors()) {
            if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
                signatures.add(c.toGenericString());
            }
        }
        for (java.lang.reflect.Field f : type.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isPublic(f.getModifiers())) {
                signatures.add(f.toGenericString());
            }
        }
        List<String> leaks = new ArrayList<>();
        for (String signature : signatures) {
            // a method's throws clause counts too: a caller must name what it catches
            if (subPackageType.matcher(signature).find()) {
                leaks.add(type.getName() + ": " + signature);
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (java.lang.reflect.Modifier.isPublic(nested.getModifiers())) {
                leaks.addAll(leaks(nested, subPackageType));
            }
        }
        return leaks;
    }

    private static List<String> publicTypes(Path rootPackage) throws IOException {
        Pattern publicType = Pattern.compile(
                "(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum) (\\w+)");
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
