package io.papi.broker.refresh;

import io.papi.broker.Identity;
import io.papi.broker.KeyFileException;
import io.papi.broker.KeyPairJwt;
import io.papi.broker.PrivateKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.util.Objects;

/**
 * The private key of an identity, read from its file and read again when the file changes (key rotation). A change
 * is seen by a cheap {@code stat}: modification time, size and file key (the inode, which an atomic rename always
 * changes). A file that cannot be read leaves the previous key in use.
 */
public final class ReloadableKey {
    private final Identity identity;
    private final Clock clock;
    private volatile KeyPairJwt minter;
    private volatile Stamp loaded;
    private volatile Stamp lastBad;

    /** Reads the key now. @throws KeyFileException when it cannot be read */
    public ReloadableKey(Identity identity, Clock clock) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
        reload();
    }

    public KeyPairJwt minter() {
        return minter;
    }

    /**
     * Reads the key file again, whether or not it changed.
     *
     * @return true when the key differs from the one in use (by fingerprint)
     * @throws KeyFileException when the file cannot be used; the previous key stays in use
     */
    public synchronized boolean reload() {
        Path file = identity.privateKeyFile();
        Stamp stamp = Stamp.of(file);
        RSAPrivateCrtKey key;
        try {
            key = PrivateKeys.read(file, identity.passphrase());
        } catch (KeyFileException e) {
            lastBad = stamp;
            throw e;
        }
        KeyPairJwt next;
        try {
            next = new KeyPairJwt(identity.account(), identity.user(), key, clock);
        } catch (IllegalArgumentException e) {
            lastBad = stamp;
            throw new KeyFileException(file + ": " + e.getMessage(), e);
        }
        KeyPairJwt previous = minter;
        minter = next;
        loaded = stamp;
        lastBad = null;
        return previous == null || !previous.fingerprint().equals(next.fingerprint());
    }

    /**
     * True when the file looks different from when it was last read, and differs from a version already found
     * unusable (so that a broken file is reported once, not on every check).
     */
    public boolean changed() {
        Stamp now = Stamp.of(identity.privateKeyFile());
        return !now.equals(loaded) && !now.equals(lastBad);
    }

    /** {@code SHA256:...} of the key in use. */
    public String fingerprint() {
        return minter.fingerprint();
    }

    private record Stamp(long modifiedMillis, long size, Object fileKey) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime().toMillis(), a.size(), a.fileKey());
            } catch (IOException e) {
                return new Stamp(-1, -1, null);
            }
        }
    }
}
