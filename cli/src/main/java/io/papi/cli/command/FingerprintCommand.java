package io.papi.cli.command;

import io.papi.broker.KeyFingerprint;
import io.papi.broker.PublicKeys;
import io.papi.cli.Environment;
import io.papi.cli.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code papi fingerprint FILE}: the key's fingerprint as DESCRIBE USER shows it. */
@Command(
        name = "fingerprint",
        mixinStandardHelpOptions = true,
        description = {
            "Print a key's fingerprint, as DESCRIBE USER shows it.",
            "That is RSA_PUBLIC_KEY_FP (SHA256:...).",
            "FILE is a public or private key in any PEM format Snowflake documents; for a private key",
            "the fingerprint is that of its public half."
        })
public final class FingerprintCommand extends PapiSubcommand {
    @Parameters(paramLabel = "FILE", description = "Public or private key file")
    Path file;

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    @Override
    protected int run() {
        return print(environment(), out(), this::warn);
    }

    /** The command itself, apart from picocli: {@link OneShotRun} calls it directly. */
    int print(Environment environment, PrintWriter out, Consumer<String> warnings) {
        Settings settings = new Settings(environment, null, warnings);
        out.println(KeyFingerprint.of(PublicKeys.read(file, passphrase.source(settings))));
        return 0;
    }
}
