package io.papi.broker;

import io.papi.broker.keys.BouncyCastle;
import io.papi.broker.keys.PemText;
import io.papi.files.SecureFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemGenerationException;

/**
 * Writes key files the way Snowflake and openssl read them, through {@link SecureFiles} (atomic, private key
 * 0600, public key 0644).
 */
public final class KeyFiles {
    /**
     * PBKDF2-HMAC-SHA256 rounds for encrypted private keys. OWASP's 2023 guidance for PBKDF2-HMAC-SHA256 is
     * 600,000; openssl's own default is 2,048. Reading the key costs this once per process start (see
     * docs/performance/token-broker.md for the measured time).
     */
    public static final int PBKDF2_ITERATIONS = 600_000;

    private KeyFiles() {}

    /**
     * Writes {@code key} as PKCS#8 PEM, mode 0600. With a passphrase the file is
     * PEM label {@code ENCRYPTED PRIVATE KEY}: PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256 with
     * {@link #PBKDF2_ITERATIONS} rounds and a random salt; without one (null) it is
     * PEM label {@code PRIVATE KEY}. The caller keeps ownership of the passphrase array.
     *
     * @throws IllegalArgumentException when the passphrase is empty
     * @throws KeyFileException with one line naming the file when it cannot be written
     */
    public static void writePrivateKey(Path target, RSAPrivateCrtKey key, char[] passphraseOrNull) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        if (passphraseOrNull != null && passphraseOrNull.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty: give one, or write the key unencrypted");
        }
        byte[] pem = passphraseOrNull == null ? plainPem(key) : encryptedPem(key, passphraseOrNull);
        try {
            write(target, pem, SecureFiles.OWNER_ONLY);
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    /** Writes {@code key} as {@code -----BEGIN PUBLIC KEY-----} PEM, mode 0644. */
    public static void writePublicKey(Path target, RSAPublicKey key) {
        Objects.requireNonNull(target, "target");
        write(target, PemText.encode("PUBLIC KEY", key.getEncoded()), SecureFiles.WORLD_READABLE);
    }

    private static byte[] plainPem(RSAPrivateCrtKey key) {
        byte[] der = key.getEncoded();
        try {
            return PemText.encode("PRIVATE KEY", der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static byte[] encryptedPem(RSAPrivateCrtKey key, char[] passphrase) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BouncyCastle.PROVIDER)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setRandom(new SecureRandom())
                    .setPassword(passphrase)
                    .build();
            return PemText.encode(
                    "ENCRYPTED PRIVATE KEY",
                    new JcaPKCS8Generator(key, encryptor).generate().getContent());
        } catch (OperatorCreationException | PemGenerationException e) {
            throw new IllegalStateException("BouncyCastle cannot encrypt with PBES2/AES-256-CBC/PBKDF2-HMAC-SHA256", e);
        }
    }

    private static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
        try {
            SecureFiles.writeAtomically(target, content, permissions);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(
                    "cannot write " + target + ": the directory " + e.getFile() + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new KeyFileException("cannot write " + target + ": permission denied", e);
        } catch (IOException e) {
            throw new KeyFileException(
                    "cannot write " + target + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                    e);
        }
    }
}
