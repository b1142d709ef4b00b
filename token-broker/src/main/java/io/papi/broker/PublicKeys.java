package io.papi.broker;

import io.papi.broker.keys.PemKeyFile;
import io.papi.broker.keys.PemText;
import io.papi.broker.keys.PlainPkcs8;
import io.papi.broker.keys.PrivateKeyDecoder;
import io.papi.broker.keys.RsaKeyRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * RSA public keys as Snowflake takes them: an X.509 SubjectPublicKeyInfo, registered with
 * {@code ALTER USER ... SET RSA_PUBLIC_KEY='<base64 body>'} and fingerprinted by {@link KeyFingerprint}.
 */
public final class PublicKeys {
    private static final String WANTED = "the public key file (rsa_key.pub) or the private key file (rsa_key.p8)";

    private PublicKeys() {}

    /**
     * Reads a public key from {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo, what
     * {@code openssl rsa -pubout} writes), {@code -----BEGIN RSA PUBLIC KEY-----} (PKCS#1), or derives it from any
     * private key file {@link PrivateKeys#read} accepts, asking {@code passphrase} only if that file is encrypted.
     *
     * @throws KeyFileException with one line naming the file and the fix
     */
    public static RSAPublicKey read(Path file, PassphraseSource passphrase) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(passphrase, "passphrase");
        // a plain PKCS#8 private key is read with the JDK alone, as PrivateKeys does (papi fingerprint start-up)
        Optional<RSAPrivateCrtKey> plain = PlainPkcs8.tryRead(file);
        if (plain.isPresent()) {
            return fromPrivate(plain.get());
        }
        PemKeyFile pem = PemKeyFile.read(file, WANTED);
        if (pem.content() instanceof SubjectPublicKeyInfo info) {
            return RsaKeyRules.publicKey(file, info);
        }
        return fromPrivate(PrivateKeyDecoder.decode(pem, passphrase));
    }

    /** The public half of {@code key}: its modulus and public exponent. */
    public static RSAPublicKey fromPrivate(RSAPrivateCrtKey key) {
        Objects.requireNonNull(key, "key");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's RSA KeyFactory refused an RSA modulus and exponent", e);
        }
    }

    /**
     * The value for {@code RSA_PUBLIC_KEY} / {@code RSA_PUBLIC_KEY_2}: the base64 body of the public key PEM
     * (the DER SubjectPublicKeyInfo) on one line, without the header and footer lines.
     */
    public static String snowflakeValue(RSAPublicKey key) {
        return Base64.getEncoder().encodeToString(subjectPublicKeyInfo(key));
    }

    /**
     * The public key as {@code -----BEGIN PUBLIC KEY-----} PEM with 64-column lines and a final newline, byte for
     * byte what {@code openssl rsa -pubout} writes.
     */
    public static String pem(RSAPublicKey key) {
        return new String(PemText.encode("PUBLIC KEY", subjectPublicKeyInfo(key)), StandardCharsets.US_ASCII);
    }

    private static byte[] subjectPublicKeyInfo(RSAPublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!"X.509".equals(key.getFormat())) {
            throw new IllegalArgumentException(
                    "public key is not encodable as X.509 SubjectPublicKeyInfo: " + key.getFormat());
        }
        return key.getEncoded();
    }
}
