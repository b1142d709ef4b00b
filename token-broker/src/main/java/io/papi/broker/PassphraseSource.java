package io.papi.broker;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the passphrase of an encrypted private key comes from. Readers ask only when the key file turns out to
 * be encrypted, so a source may prompt, read a file or an environment variable lazily.
 *
 * <p>Each call hands out an array the caller owns: readers clear it as soon as the key is decrypted.
 */
@FunctionalInterface
public interface PassphraseSource {

    /** The passphrase for {@code keyFile}, or empty when none is known. */
    Optional<char[]> passphraseFor(Path keyFile);

    /** A source that knows no passphrase: reading an encrypted key then fails with a message saying how to give one. */
    static PassphraseSource none() {
        return keyFile -> Optional.empty();
    }

    /**
     * A source that always answers {@code passphrase}. The array is copied, so the caller may clear its own copy
     * straight away; every call returns a fresh copy.
     */
    static PassphraseSource of(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        char[] kept = passphrase.clone();
        return keyFile -> Optional.of(kept.clone());
    }
}
