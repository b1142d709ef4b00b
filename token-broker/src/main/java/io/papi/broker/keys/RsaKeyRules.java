package io.papi.broker.keys;

import io.papi.broker.KeyFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Snowflake's rules for a key-pair key: RSA ({@code rsaEncryption}; Snowflake signs and verifies RS256 only) of at
 * least 2048 bits. Turns checked BouncyCastle structures into the JDK's own key classes, so signing later runs on
 * the JDK's RSA implementation, not BouncyCastle's.
 */
public final class RsaKeyRules {
    /** Snowflake refuses RSA keys shorter than this. */
    public static final int MIN_BITS = 2048;

    private RsaKeyRules() {}

    /** The private key in {@code info}, once it is known to be RSA of at least 2048 bits. */
    public static RSAPrivateCrtKey privateKey(Path file, PrivateKeyInfo info) {
        requireRsa(file, info.getPrivateKeyAlgorithm().getAlgorithm());
        PrivateKey key = decode(
                file,
                "private",
                "openssl pkcs8 -topk8",
                rsa -> rsa.generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded())));
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new KeyFileException(file + " holds an RSA private key without its CRT parameters: "
                    + "export it again with openssl pkcs8 -topk8");
        }
        requireSize(file, crt.getModulus().bitLength());
        return crt;
    }

    /** The public key in {@code info}, once it is known to be RSA of at least 2048 bits. */
    public static RSAPublicKey publicKey(Path file, SubjectPublicKeyInfo info) {
        requireRsa(file, info.getAlgorithm().getAlgorithm());
        PublicKey key = decode(
                file,
                "public",
                "openssl rsa -pubout",
                rsa -> rsa.generatePublic(new X509EncodedKeySpec(info.getEncoded())));
        RSAPublicKey rsa = (RSAPublicKey) key;
        requireSize(file, rsa.getModulus().bitLength());
        return rsa;
    }

    /** One way the JDK's RSA key factory turns checked structures into a key. */
    @FunctionalInterface
    private interface Decoding<K> {
        K decode(KeyFactory rsa) throws GeneralSecurityException, IOException;
    }

    private static <K> K decode(Path file, String kind, String exportAgain, Decoding<K> decoding) {
        try {
            return decoding.decode(KeyFactory.getInstance("RSA"));
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyFileException(
                    file + " holds an RSA " + kind + " key the JDK cannot decode: export it again with " + exportAgain,
                    e);
        }
    }

    private static void requireRsa(Path file, ASN1ObjectIdentifier algorithm) {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            throw new KeyFileException(file + " is " + KeyAlgorithmNames.withArticle(algorithm)
                    + "; Snowflake key-pair authentication needs RSA: papi keygen");
        }
    }

    private static void requireSize(Path file, int bits) {
        if (bits < MIN_BITS) {
            throw new KeyFileException(file + " is a " + bits + "-bit RSA key; Snowflake needs at least " + MIN_BITS
                    + " bits: papi keygen");
        }
    }
}
