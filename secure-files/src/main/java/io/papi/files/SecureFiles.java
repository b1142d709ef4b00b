package io.papi.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files that hold secrets so that nobody else can read them at any moment and nobody ever sees them
 * half-written: the content goes to a temporary file in the target's own directory, created owner-only (0600)
 * before the first byte is written, is forced to disk, then renamed over the target in one atomic step, and the
 * directory entry is forced to disk too where the platform allows. A reader sees the old file or the new one,
 * never a mix; after a crash or failure the old file is intact and no temporary file is left behind.
 */
public final class SecureFiles {
    /** {@code rw-------}: private keys, session tokens. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** {@code rw-r--r--}: public keys, which others may read. */
    public static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private static final Logger LOG = LoggerFactory.getLogger(SecureFiles.class);

    private SecureFiles() {}

    /** Atomically replaces {@code target} with {@code content}, mode 0600. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        writeAtomically(target, content, OWNER_ONLY);
    }

    /**
     * Atomically replaces {@code target} with {@code content}; the file ends with exactly {@code permissions}
     * (on POSIX file systems), while it is being written it is owner-only.
     *
     * @throws IOException when the directory does not exist or the file cannot be written; the old file, if any,
     *     is then unchanged
     */
    public static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Objects.requireNonNull(content, "content");
        writeAtomically(target, permissions, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** Text written as it is produced, so a large file never sits whole in memory. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /** Atomically replaces {@code target} with the UTF-8 text {@code content} writes, mode 0600. */
    public static void writeTextAtomically(Path target, TextContent content) throws IOException {
        Objects.requireNonNull(content, "content");
        writeAtomically(target, OWNER_ONLY, channel -> {
            // not closed: closing the writer would close the channel before it is forced to disk
            Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(out);
            out.flush();
        });
    }

    /** How the content reaches the temporary file; tests use it to fail part-way through. */
    @FunctionalInterface
    interface ContentWriter {
        void writeTo(FileChannel channel) throws IOException;
    }

    static void writeAtomically(Path target, Set<PosixFilePermission> permissions, ContentWriter writer)
            throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(permissions, "permissions");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new NoSuchFileException(String.valueOf(directory), null, "directory does not exist");
        }
        boolean posix = Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
        String prefix = "." + absolute.getFileName() + ".";
        Path temp = posix
                ? Files.createTempFile(directory, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, prefix, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                writer.writeTo(channel);
                channel.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof AtomicMoveNotSupportedException) {
                throw new IOException("cannot replace " + absolute + " atomically on this file system", e);
            }
            throw e;
        }
        forceDirectory(directory);
    }

    /**
     * Creates {@code directory} and any missing parents, each created one owner-only (0700); folders that exist
     * are left as they are.
     */
    public static void createPrivateDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        boolean posix =
                parent == null || Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class);
        try {
            if (posix) {
                Files.createDirectory(
                        absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                // the umask may have narrowed the mode further, never widened it; set it exactly
                Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
        }
    }

    /** Makes the rename itself durable. Not every platform can open a directory (Windows cannot): then skip it. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot fsync directory {}: {}", directory, e.toString());
        }
    }
}
