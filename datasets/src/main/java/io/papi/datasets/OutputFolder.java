package io.papi.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a build writes: a hidden staging folder beside {@code --out}, renamed into place only when every dataset
 * was written, so that a failed build leaves nothing behind.
 */
public final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final boolean replace;
    /** The outermost folder {@link #prepare} had to create above the staging folder, or null. */
    private final Path created;

    private boolean committed;

    private OutputFolder(Path target, Path staging, boolean replace, Path created) {
        this.target = target;
        this.staging = staging;
        this.replace = replace;
        this.created = created;
    }

    /**
     * Checks that the datasets can be written under {@code target} (refusing to overwrite unless {@code replace}),
     * and makes the staging folder.
     */
    public static OutputFolder prepare(Path target, Collection<TrainingDataset> datasets, boolean replace) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw DatasetException.badInput("--out " + target + " is a file, not a folder");
        }
        if (!replace) {
            for (TrainingDataset dataset : datasets) {
                if (Files.exists(absolute.resolve(dataset.folder()))) {
                    throw DatasetException.badInput(
                            absolute.resolve(dataset.folder()) + " already exists; use --force to replace it");
                }
            }
        }
        try {
            Path parent = absolute.getParent();
            Path created = null;
            for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
                created = p;
            }
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".papi-");
            return new OutputFolder(absolute, staging, replace, created);
        } catch (IOException e) {
            throw DatasetException.badInput("cannot write under " + target + ": " + e.getMessage());
        }
    }

    /** The staging folder for one dataset, created on first use. */
    public Path folder(TrainingDataset dataset) {
        Path folder = staging.resolve(dataset.folder());
        try {
            if (!Files.isDirectory(folder)) {
                // papi's folders are 0700, like the staging folder createTempDirectory made
                Files.createDirectory(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Moves the staged datasets into {@code target}: the whole folder at once when it did not exist. */
    public void commit() throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
        } else {
            try (Stream<Path> folders = Files.list(staging)) {
                for (Path folder : (Iterable<Path>) folders::iterator) {
                    Path destination = target.resolve(folder.getFileName().toString());
                    if (replace && Files.exists(destination)) {
                        deleteTree(destination);
                    }
                    move(folder, destination);
                }
            }
            Files.delete(staging);
        }
        committed = true;
    }

    /** Deletes the staging folder unless the datasets were committed. */
    @Override
    public void close() {
        if (!committed) {
            deleteTree(created != null ? created : staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
