package io.papi.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesOwnerOnlyByDefault() throws Exception {
        Path target = dir.resolve("token");
        SecureFiles.writeAtomically(target, "secret".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
    }

    @Test
    void theTemporaryFileIsOwnerOnlyBeforeTheFirstByteIsWritten() throws Exception {
        Path target = dir.resolve("rsa_key.p8");
        SecureFiles.writeAtomically(target, SecureFiles.WORLD_READABLE, channel -> {
            Path temp = onlyFileIn(dir);
            assertThat(temp.getFileName().toString()).startsWith(".rsa_key.p8.").endsWith(".tmp");
            assertThat(Files.size(temp)).isZero();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)))
                    .isEqualTo("rw-------");
            channel.write(ByteBuffer.wrap(new byte[] {1}));
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .as("then the asked mode")
                .isEqualTo("rw-r--r--");
    }

    @Test
    void writesTheAskedPermissions() throws Exception {
        Path target = dir.resolve("rsa_key.pub");
        SecureFiles.writeAtomically(target, "public".getBytes(StandardCharsets.UTF_8), SecureFiles.WORLD_READABLE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("token");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));
        SecureFiles.writeAtomically(target, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-------");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void aFailureMidWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("token");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> SecureFiles.writeAtomically(target, SecureFiles.OWNER_ONLY, channel -> {
                    channel.write(ByteBuffer.wrap("ne".getBytes(StandardCharsets.UTF_8)));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void aFailedRenameLeavesTheOldTargetAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "keep");
        assertThatThrownBy(() -> SecureFiles.writeAtomically(target, "new".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(target.resolve("inside"))).isEqualTo("keep");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void refusesAMissingDirectory() {
        Path target = dir.resolve("absent").resolve("token");
        assertThatThrownBy(() -> SecureFiles.writeAtomically(target, new byte[] {1}))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(dir.resolve("absent").toString());
    }

    private static Path onlyFileIn(Path dir) throws IOException {
        List<Path> files = filesIn(dir);
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
