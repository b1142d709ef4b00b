package io.papi.broker.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The common case, read with the JDK alone: one unencrypted PKCS#8 PEM block labelled {@code PRIVATE KEY} holding an RSA
 * key of at least 2048 bits, as {@code papi keygen} and Snowflake's documented {@code -nocrypt} command write it.
 *
 * <p>Why: BouncyCastle's jars are signed, so the JVM cannot put their classes in papi's class-data-sharing archive,
 * and parsing with them costs about a hundred extra class loads on every {@code papi jwt}. Anything else (encrypted,
 * PKCS#1, non-RSA, short, damaged, several blocks) returns empty, and the full BouncyCastle reader takes over and
 * gives the precise error.
 */
public final class PlainPkcs8 {
    private static final String LABEL = "PRIVATE KEY";
    private static final String BEGIN = "-----BEGIN " + LABEL + "-----";
    private static final String END = "-----END " + LABEL + "-----";

    private PlainPkcs8() {}

    public static Optional<RSAPrivateCrtKey> tryRead(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > PemKeyFile.MAX_BYTES) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin < 0 || end < begin || text.indexOf("-----BEGIN", begin + 1) >= 0) {
                return Optional.empty();
            }
            byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (key instanceof RSAPrivateCrtKey crt && crt.getModulus().bitLength() >= RsaKeyRules.MIN_BITS) {
                return Optional.of(crt);
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
