package io.papi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Key files that papi must refuse, made with the JDK so the tests need nothing else. */
final class TestKeys {
    private TestKeys() {
    }

    static Path rsaPrivateKey(Path dir, String name, int bits) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return writePkcs8(dir.resolve(name), generator.generateKeyPair());
    }

    static Path ecPrivateKey(Path dir, String name) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return writePkcs8(dir.resolve(name), generator.generateKeyPair());
    }

    private static Path writePkcs8(Path file, KeyPair pair) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        return file;
    }
}
