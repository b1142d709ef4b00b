package io.papi.cli.command;

import io.papi.broker.KeyFiles;
import io.papi.broker.KeyFingerprint;
import io.papi.broker.KeyPairs;
import io.papi.broker.PublicKeys;
import io.papi.cli.PapiException;
import io.papi.cli.config.Settings;
import io.papi.cli.snowflake.ServiceUserSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi keygen}: an RSA key pair for Snowflake key-pair authentication. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Generate an RSA key pair for Snowflake key-pair authentication.",
            "Writes DIR/NAME.p8 (PKCS#8 PEM, mode 0600) and DIR/NAME.pub, then prints the fingerprint,",
            "the RSA_PUBLIC_KEY value and the statements that register the key."
        })
public final class KeygenCommand extends PapiSubcommand {
    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Directory to write to (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            defaultValue = "rsa_key",
            description = "Base name of the files (default: ${DEFAULT-VALUE})")
    String name;

    @Option(
            names = "--bits",
            paramLabel = "BITS",
            defaultValue = "2048",
            description = "Key size: 2048, 3072 or 4096 (default: ${DEFAULT-VALUE})")
    int bits;

    @Option(
            names = "--encrypt",
            description = "Encrypt the private key (PBES2, AES-256, PBKDF2-HMAC-SHA256) with a passphrase from "
                    + "--passphrase-file, env PRIVATE_KEY_PASSPHRASE, or a prompt")
    boolean encrypt;

    @Option(names = "--force", description = "Overwrite existing key files")
    boolean force;

    @Option(
            names = "--user",
            paramLabel = "USER",
            defaultValue = "SVC_DATA_API",
            description = "User name for the printed statements (default: ${DEFAULT-VALUE})")
    String user;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            defaultValue = "DATA_API_CALLER_ROLE",
            description = "Role for the printed statements (default: ${DEFAULT-VALUE})")
    String role;

    @Mixin
    PassphraseOptions passphrase = new PassphraseOptions();

    @Override
    protected int run() {
        if (bits != 2048 && bits != 3072 && bits != 4096) {
            throw PapiException.usage("--bits must be 2048, 3072 or 4096, not " + bits);
        }
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw PapiException.usage("--name must be a plain file name such as rsa_key, not '" + name + "'");
        }
        Path privateFile = out.resolve(name + ".p8");
        Path publicFile = out.resolve(name + ".pub");
        if (!force) {
            for (Path file : new Path[] {privateFile, publicFile}) {
                if (Files.exists(file)) {
                    throw PapiException.usage(
                            file + " already exists; use --force to overwrite it, or --name/--out for another file");
                }
            }
        }
        char[] secret = encrypt ? passphraseForNewKey() : null;
        try {
            io.papi.files.SecureFiles.createPrivateDirectories(out); // folders papi creates are 0700
            KeyPair pair = KeyPairs.generate(bits);
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            KeyFiles.writePrivateKey(privateFile, privateKey, secret);
            KeyFiles.writePublicKey(publicFile, publicKey);
            String value = PublicKeys.snowflakeValue(publicKey);
            var o = out();
            o.println(
                    "Wrote " + privateFile + " (private key, PKCS#8" + (encrypt ? ", encrypted" : "") + ", mode 0600)");
            o.println("Wrote " + publicFile + " (public key)");
            o.println();
            o.println("Fingerprint (RSA_PUBLIC_KEY_FP): " + KeyFingerprint.of(publicKey));
            o.println("RSA_PUBLIC_KEY value:");
            o.println(value);
            o.println();
            o.println("-- register a new service user with this key:");
            ServiceUserSql.create(user, role, value).forEach(o::println);
            o.println("-- or give an existing user this key in its second slot (rotation):");
            o.println(ServiceUserSql.rotate(user, 2, value));
            return 0;
        } catch (java.io.IOException e) {
            throw PapiException.failure("cannot write to " + out + ": " + e.getMessage());
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private char[] passphraseForNewKey() {
        Settings settings = new Settings(environment(), null, this::warn);
        Optional<char[]> given = passphrase.given(settings);
        if (given.isPresent()) {
            return given.get();
        }
        if (!environment().interactive()) {
            throw PapiException.usage(
                    "--encrypt needs a passphrase: use --passphrase-file FILE or set PRIVATE_KEY_PASSPHRASE");
        }
        char[] first = environment().console().readPassword("Passphrase for the new key: ");
        char[] second = environment().console().readPassword("Same passphrase again: ");
        if (first == null || first.length == 0) {
            throw PapiException.usage("the passphrase is empty");
        }
        if (!Arrays.equals(first, second)) {
            throw PapiException.usage("the two passphrases differ; nothing was written");
        }
        Arrays.fill(second, '\0');
        return first;
    }
}
