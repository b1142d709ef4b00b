package io.papi.local.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.files.SecureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFileTest {
    @TempDir
    Path directory;

    @Test
    void writesOwnerOnlyFileAndReplacesItWholeLeavingNoTemporaryFile() throws Exception {
        Path file = directory.resolve("secret");
        SecureFiles.writeAtomically(file, "first".getBytes());
        SecureFiles.writeAtomically(file, "second".getBytes());

        assertThat(file).hasContent("second");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void replacingAnExposedFileLeavesItOwnerOnly() throws Exception {
        Path file = Files.writeString(directory.resolve("secret"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(PrivateFile.isExposed(file)).isTrue();

        SecureFiles.writeAtomically(file, "new".getBytes());

        assertThat(PrivateFile.isExposed(file)).isFalse();
    }

    @Test
    void createsOwnerOnlyDirectories() throws Exception {
        Path nested = directory.resolve("a").resolve("b");
        SecureFiles.createPrivateDirectories(nested);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested)))
                .isEqualTo("rwx------");
    }
}
