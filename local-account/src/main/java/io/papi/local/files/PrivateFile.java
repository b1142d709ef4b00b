package io.papi.local.files;

import io.papi.files.SecureFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Checks and repairs the owner-only permissions of files and folders the local account already has. Writing goes
 * through {@link SecureFiles} (atomic, 0600, fsync of file and folder), the one writer every module uses.
 */
public final class PrivateFile {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFile() {}

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
        return permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Sets {@code file} to 0600 where the file system has POSIX permissions. */
    public static void restrictToOwner(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        }
    }
}
