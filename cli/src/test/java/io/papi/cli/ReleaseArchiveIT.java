package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.papi.broker.PassphraseSource;
import io.papi.broker.PublicKeys;
import io.papi.cli.command.VersionProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives as a user gets them: unpacked into an empty folder and run with {@code mvn} and {@code java}
 * shadowed on the PATH by programs that fail (and leave a mark). Runs after the package phase, which builds them.
 */
class ReleaseArchiveIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static String version;

    @TempDir
    Path tmp;

    @BeforeAll
    static void version() throws IOException {
        version = VersionProvider.version();
    }

    private static Path archive(String suffix) {
        Path file = TARGET.resolve("papi-" + version + suffix);
        assertThat(file).as("built by mvn package (src/dist/build-archives.sh)").isRegularFile();
        return file;
    }

    @Test
    void eachArchiveHasAMatchingSha256File() throws Exception {
        for (String suffix : List.of("-linux-x64.tar.gz", ".zip")) {
            Path file = archive(suffix);
            String line = Files.readString(file.resolveSibling(file.getFileName() + ".sha256"))
                    .strip();
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertThat(line).isEqualTo(digest + "  " + file.getFileName());
        }
    }

    @Test
    void theUnpackedTarballRunsOnItsOwnRuntimeWithoutMavenOrASystemJava() throws Exception {
        Path install = Files.createDirectory(tmp.resolve("install"));
        run(List.of("tar", "-xzf", archive("-linux-x64.tar.gz").toString(), "-C", install.toString()), Map.of(), 120);
        Path home = install.resolve("papi-" + version);
        assertThat(list(install)).containsExactly("papi-" + version);
        assertThat(list(home)).containsExactlyInAnyOrder("bin", "lib", "runtime");
        String runtimeVersion = Files.readAllLines(home.resolve("runtime/release")).stream()
                .filter(l -> l.startsWith("JAVA_VERSION="))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*=\"?([^\"]*)\"?", "$1");
        if (Integer.parseInt(runtimeVersion.replaceAll("[.+-].*", "")) >= 25) {
            assertThat(home.resolve("lib/papi.aot"))
                    .as("the AOT cache made at build time")
                    .isNotEmptyFile();
        } else {
            assertThat(home.resolve("runtime/lib/server/classes.jsa"))
                    .as("jlink's class-data archive")
                    .isNotEmptyFile();
        }

        Path shadow = Files.createDirectory(tmp.resolve("shadow"));
        for (String program : List.of("mvn", "java", "javac")) {
            Path script = shadow.resolve(program);
            Files.writeString(
                    script,
                    "#!/bin/sh\ntouch '" + shadow.resolve(program + ".called") + "'\n" + "echo 'shadowed " + program
                            + " was called' >&2\nexit 97\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", shadow + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", Files.createDirectory(tmp.resolve("user")).toString());
        env.put("PAPI_HOME", tmp.resolve("papi-home").toString());
        Path papi = home.resolve("bin/papi");

        Result version = run(List.of(papi.toString(), "--version"), env, 60);
        assertThat(version.out()).contains("papi " + ReleaseArchiveIT.version).contains("Java " + runtimeVersion);

        Path keys = tmp.resolve("keys");
        run(List.of(papi.toString(), "keygen", "--out", keys.toString()), env, 60);
        assertThat(Files.getPosixFilePermissions(keys.resolve("rsa_key.p8")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        Result jwt = run(
                List.of(
                        papi.toString(),
                        "jwt",
                        "--account",
                        "xy12345.us-east-1.aws",
                        "--user",
                        "svc_data_api",
                        "--private-key",
                        keys.resolve("rsa_key.p8").toString()),
                env,
                60);
        SignedJWT signed = SignedJWT.parse(jwt.out().strip());
        assertThat(signed.verify(
                        new RSASSAVerifier(PublicKeys.read(keys.resolve("rsa_key.pub"), PassphraseSource.none()))))
                .as("signed by the key keygen wrote")
                .isTrue();
        assertThat(signed.getJWTClaimsSet().getSubject()).isEqualTo("XY12345.SVC_DATA_API");

        Result quickstart = run(
                List.of(
                        papi.toString(),
                        "quickstart",
                        "--exit",
                        "--api-port",
                        freePort(),
                        "--token-port",
                        freePort(),
                        "--broker-port",
                        freePort(),
                        "--proxy-port",
                        freePort()),
                env,
                300);
        assertThat(quickstart.out()).contains("Authenticated lookup").contains("-> 200");

        assertThat(list(shadow)).as("no shadowed program was called").containsExactlyInAnyOrder("mvn", "java", "javac");
    }

    @Test
    void theRuntimeHoldsOnlyTheModulesPapiUses() throws Exception {
        Path install = Files.createDirectory(tmp.resolve("install"));
        run(
                List.of(
                        "tar",
                        "-xzf",
                        archive("-linux-x64.tar.gz").toString(),
                        "-C",
                        install.toString(),
                        "papi-" + version + "/runtime"),
                Map.of(),
                120);
        Result modules = run(
                List.of(install.resolve("papi-" + version + "/runtime/bin/java").toString(), "--list-modules"),
                Map.of(),
                60);
        assertThat(modules.out())
                .contains("java.sql@", "java.net.http@", "jdk.httpserver@")
                .doesNotContain("jdk.compiler@", "jdk.jshell@", "java.smartcardio@", "jdk.javadoc@", "jdk.jlink@");
    }

    @Test
    void theZipRunsOnTheSystemJava() throws Exception {
        Path install = Files.createDirectory(tmp.resolve("install"));
        run(List.of("unzip", "-q", archive(".zip").toString(), "-d", install.toString()), Map.of(), 120);
        Path home = install.resolve("papi-" + version);
        assertThat(list(home)).containsExactlyInAnyOrder("bin", "lib");
        // the Java running this test stands for the system's: JAVA_HOME names it
        Map<String, String> env = Map.of(
                "PAPI_HOME",
                tmp.resolve("papi-home").toString(),
                "PATH",
                "/usr/bin:/bin",
                "JAVA_HOME",
                System.getProperty("java.home"));

        Result version = run(List.of(home.resolve("bin/papi").toString(), "--version"), env, 60);
        assertThat(version.out())
                .contains("papi " + ReleaseArchiveIT.version)
                .contains("Java " + System.getProperty("java.version"));
        Path keys = tmp.resolve("keys");
        run(List.of(home.resolve("bin/papi").toString(), "keygen", "--out", keys.toString()), env, 60);
        Result fingerprint = run(
                List.of(
                        home.resolve("bin/papi").toString(),
                        "fingerprint",
                        keys.resolve("rsa_key.pub").toString()),
                env,
                60);
        assertThat(fingerprint.out().strip()).startsWith("SHA256:").hasSize("SHA256:".length() + 44);
    }

    private record Result(String out, String err) {}

    /** Runs {@code command} with only {@code env} (plus nothing inherited); fails the test unless it exits 0. */
    private Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!env.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Result result = new Result(
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertThat(process.isAlive() ? -1 : process.exitValue())
                .as("%s\n--- out\n%s--- err\n%s", command, result.out(), result.err())
                .isZero();
        return result;
    }

    private static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
