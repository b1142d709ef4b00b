package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PapiHomeTest {
    @TempDir
    Path tmp;

    @Test
    void homeFollowsTheHomeVariableAsAShellDoes() {
        assertThat(Environment.home(Map.of("HOME", "/ci/home"), "/etc/passwd/home"))
                .isEqualTo(Path.of("/ci/home"));
        assertThat(Environment.home(Map.of(), "/home/me")).isEqualTo(Path.of("/home/me"));
        assertThat(Environment.home(Map.of("HOME", " "), "/home/me")).isEqualTo(Path.of("/home/me"));
        assertThat(new Environment(Map.of(), Environment.home(Map.of("HOME", "/ci/home"), "/x"), null, null).papiHome())
                .isEqualTo(Path.of("/ci/home/.papi"));
    }

    @Test
    void keygenCreatesItsFolderOwnerOnly() throws Exception {
        Path out = tmp.resolve("papi/keys");
        var result = new CliRun(tmp).run("keygen", "--out", out.toString());

        result.succeeds();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.getParent())))
                .isEqualTo("rwx------");
    }
}
