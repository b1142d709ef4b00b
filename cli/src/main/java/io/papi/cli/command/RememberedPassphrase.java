package io.papi.cli.command;

import io.papi.broker.PassphraseSource;
import io.papi.cli.config.Settings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The passphrase of a key a long-running command reads more than once (key rotation): a passphrase file or
 * variable is read again each time (it may have been rotated with the key); one typed at the prompt is asked once
 * and kept, because a reload triggered by SIGHUP has nobody to ask.
 */
final class RememberedPassphrase implements PassphraseSource {
    private final PassphraseOptions options;
    private final Settings settings;
    private final String connectionPassphrase;
    private char[] typed;

    /** @param connectionPassphrase a connection's own {@code private_key_file_pwd}, tried first; or null */
    RememberedPassphrase(PassphraseOptions options, Settings settings, String connectionPassphrase) {
        this.options = options;
        this.settings = settings;
        this.connectionPassphrase = connectionPassphrase;
    }

    @Override
    public synchronized Optional<char[]> passphraseFor(Path keyFile) {
        if (connectionPassphrase != null) {
            return Optional.of(connectionPassphrase.toCharArray());
        }
        Optional<char[]> given = options.given(settings);
        if (given.isPresent()) {
            return given;
        }
        if (typed == null && settings.environment().interactive()) {
            typed = settings.environment().console().readPassword("Passphrase for %s: ", keyFile);
        }
        return Optional.ofNullable(typed).map(char[]::clone);
    }
}
