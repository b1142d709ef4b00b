package io.papi.broker.keys;

import io.papi.broker.KeyFileException;
import io.papi.broker.PassphraseSource;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Turns the PEM object of a private key file into an RSA private key, decrypting it when it is encrypted:
 * PKCS#8 (PEM label {@code PRIVATE KEY}), encrypted PKCS#8 (label {@code ENCRYPTED PRIVATE KEY}: PBES2 with
 * DES-EDE3 or AES, legacy PKCS#12 PBE such as PBE-SHA1-3DES) and PKCS#1 (label {@code RSA PRIVATE KEY}, plain or
 * with {@code Proc-Type: 4,ENCRYPTED}).
 */
public final class PrivateKeyDecoder {
    public static final String WANTED = "the private key file (rsa_key.p8)";

    private PrivateKeyDecoder() {}

    public static RSAPrivateCrtKey decode(PemKeyFile file, PassphraseSource passphrase) {
        Path path = file.path();
        Object content = file.content();
        PrivateKeyInfo info;
        if (content instanceof PrivateKeyInfo plain) {
            info = plain;
        } else if (content instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (content instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            info = decryptPkcs8(path, encrypted, passphrase);
        } else if (content instanceof PEMEncryptedKeyPair encrypted) {
            info = decryptTraditional(path, encrypted, passphrase);
        } else if (content instanceof SubjectPublicKeyInfo) {
            throw new KeyFileException(path + " holds a public key; give " + WANTED);
        } else if (content instanceof X509CertificateHolder) {
            throw new KeyFileException(path + " holds a certificate; give " + WANTED);
        } else {
            throw new KeyFileException(path + " holds no private key; give " + WANTED);
        }
        if (info == null) {
            throw new KeyFileException(path + " holds no private key; give " + WANTED);
        }
        return RsaKeyRules.privateKey(path, info);
    }

    private static PrivateKeyInfo decryptPkcs8(
            Path path, PKCS8EncryptedPrivateKeyInfo encrypted, PassphraseSource source) {
        char[] passphrase = passphraseFor(path, source);
        try {
            return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER)
                    .build(passphrase));
        } catch (PKCSException | OperatorCreationException e) {
            throw failure(
                    path, e, encrypted.getEncryptionAlgorithm().getAlgorithm().getId());
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static PrivateKeyInfo decryptTraditional(
            Path path, PEMEncryptedKeyPair encrypted, PassphraseSource source) {
        char[] passphrase = passphraseFor(path, source);
        try {
            return encrypted
                    .decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                            .setProvider(BouncyCastle.PROVIDER)
                            .build(passphrase))
                    .getPrivateKeyInfo();
        } catch (IOException e) {
            throw failure(path, e, encrypted.getDekAlgName());
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static char[] passphraseFor(Path path, PassphraseSource source) {
        return source.passphraseFor(path)
                .orElseThrow(() -> new KeyFileException(
                        path + " is encrypted: set PRIVATE_KEY_PASSPHRASE or use --passphrase-file"));
    }

    /**
     * A wrong passphrase shows up as a padding or decoding failure, an unsupported cipher as an
     * algorithm-creation failure; tell the two apart so the user is not sent hunting for a passphrase that is right.
     */
    private static KeyFileException failure(Path path, Exception e, String algorithm) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean unknownCipher = t instanceof OperatorCreationException
                    || (t instanceof GeneralSecurityException
                            && t.getClass().getSimpleName().startsWith("NoSuch"))
                    || (t.getMessage() != null && t.getMessage().startsWith("unknown"));
            if (unknownCipher) {
                return new KeyFileException(
                        path + " is encrypted with " + algorithm + ", which papi cannot decrypt: "
                                + "re-encrypt it with openssl pkcs8 -topk8 -v2 aes256",
                        e);
            }
        }
        return new KeyFileException(
                "wrong passphrase for " + path + ": check PRIVATE_KEY_PASSPHRASE or the --passphrase-file", e);
    }
}
