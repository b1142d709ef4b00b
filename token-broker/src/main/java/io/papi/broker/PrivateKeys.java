package io.papi.broker;

import io.papi.broker.keys.PemKeyFile;
import io.papi.broker.keys.PlainPkcs8;
import io.papi.broker.keys.PrivateKeyDecoder;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Objects;

/**
 * Reads the RSA private keys Snowflake key-pair authentication uses, in every form Snowflake's documentation and
 * openssl produce:
 * <ul>
 *   <li>PKCS#8, PEM label {@code PRIVATE KEY} ({@code openssl pkcs8 -topk8 -nocrypt});</li>
 *   <li>encrypted PKCS#8, PEM label {@code ENCRYPTED PRIVATE KEY}: PBES2 with DES-EDE3-CBC
 *       ({@code -v2 des3}, Snowflake's documented command, which the plain JDK cannot decrypt), PBES2 with
 *       AES-256-CBC ({@code -v2 aes256}), and legacy PKCS#12 PBE such as {@code -v1 PBE-SHA1-3DES};</li>
 *   <li>PKCS#1, PEM label {@code RSA PRIVATE KEY}, plain or with {@code Proc-Type: 4,ENCRYPTED}.</li>
 * </ul>
 * Snowflake accepts RSA keys of 2048 bits or more only; anything else is refused here, before a JWT is signed.
 */
public final class PrivateKeys {
    private PrivateKeys() {}

    /**
     * Reads the private key in {@code file}, asking {@code passphrase} only when the file is encrypted.
     *
     * @throws KeyFileException with one line naming the file and the fix: missing or unreadable file, not PEM, a
     *     public key or certificate instead of a private key, a non-RSA key, an RSA key under 2048 bits, an
     *     encrypted key without a passphrase, a wrong passphrase
     */
    public static RSAPrivateCrtKey read(Path file, PassphraseSource passphrase) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(passphrase, "passphrase");
        return PlainPkcs8.tryRead(file)
                .orElseGet(() -> PrivateKeyDecoder.decode(PemKeyFile.read(file, PrivateKeyDecoder.WANTED), passphrase));
    }
}
