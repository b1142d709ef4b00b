package io.papi.local.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read (0600), written whole or not at all: a temporary file in the same directory,
 * fsync, then an atomic rename over the target, so a reader never sees half a key and a crash never leaves one.
 */
public final class PrivateFile {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFile() {
    }

    /** Writes {@code content} to {@code target} atomically with permissions 0600, replacing any previous file. */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = POSIX
                ? Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp", ownerReadWrite())
                : Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + absolute + " atomically on this file system", e);
            }
            syncDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates {@code directory} (and parents) if absent; a directory papi creates is 0700. */
    public static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    /**
     * Makes an existing directory 0700 if group or others have any access to it.
     *
     * @return true when the permissions had to be changed
     */
    public static boolean restrictDirectoryToOwner(Path directory) throws IOException {
        if (!POSIX) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        if (permissions.equals(OWNER_ONLY_DIRECTORY)) {
            return false;
        }
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        return true;
    }

    /** True when group or others may read or write {@code file}; always false where permissions are not POSIX. */
    public static boolean isExposed(Path file) throws IOException {
        if (!POSIX) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Sets {@code file} to 0600 where the file system has POSIX permissions. */
    public static void restrictToOwner(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerReadWrite() {
        return PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
    }

    // Makes the rename itself durable; some platforms cannot open a directory for reading, which is harmless.
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the file itself is already synced; only the directory entry's durability is best effort
        }
    }
}
