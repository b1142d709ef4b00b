package io.papi.cli.command;

import io.papi.broker.PassphraseSource;
import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a key's passphrase comes from: {@code --passphrase-file}, then {@code PRIVATE_KEY_PASSPHRASE}, then the
 * connection's {@code private_key_file_pwd}, then a prompt when a person is at a terminal. Never from argv.
 */
public final class PassphraseOptions {
    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description =
                    "File holding the key's passphrase (else env PRIVATE_KEY_PASSPHRASE, else a prompt on a terminal)")
    Path passphraseFile;

    public PassphraseSource source(Settings settings) {
        return keyFile -> {
            Optional<char[]> given = given(settings);
            if (given.isPresent()) {
                return given;
            }
            if (settings.environment().interactive()) {
                char[] typed = settings.environment().console().readPassword("Passphrase for %s: ", keyFile);
                return Optional.ofNullable(typed);
            }
            return Optional.empty();
        };
    }

    /** A passphrase given by file, environment or connection, without prompting. */
    public Optional<char[]> given(Settings settings) {
        if (passphraseFile != null) {
            return Optional.of(readPassphraseFile(passphraseFile));
        }
        return settings.get(Setting.PASSPHRASE, null).map(String::toCharArray);
    }

    static char[] readPassphraseFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.length();
            while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            if (end == 0) {
                throw PapiException.usage("passphrase file " + file + " is empty");
            }
            return text.substring(0, end).toCharArray();
        } catch (NoSuchFileException e) {
            throw PapiException.usage("passphrase file " + file + " does not exist");
        } catch (IOException e) {
            throw PapiException.usage("cannot read passphrase file " + file + ": " + e.getMessage());
        }
    }
}
