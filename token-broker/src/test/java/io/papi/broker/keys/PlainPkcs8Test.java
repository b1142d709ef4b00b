package io.papi.broker.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.broker.KeyFiles;
import io.papi.broker.KeyPairs;
import io.papi.broker.PassphraseSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainPkcs8Test {
    @TempDir
    Path dir;

    @Test
    void readsAPlainRsaKeyWithTheJdkAlone() throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyPairs.generate(2048).getPrivate();
        Path file = dir.resolve("k.p8");
        KeyFiles.writePrivateKey(file, key, null);

        assertThat(PlainPkcs8.tryRead(file)).contains(key);
    }

    @Test
    void leavesEverythingElseToTheFullReader() throws Exception {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyPairs.generate(2048).getPrivate();
        Path encrypted = dir.resolve("enc.p8");
        KeyFiles.writePrivateKey(encrypted, key, "pass phrase".toCharArray());
        assertThat(PlainPkcs8.tryRead(encrypted)).isEmpty();

        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        assertThat(PlainPkcs8.tryRead(pem(
                        dir.resolve("small.p8"),
                        small.generateKeyPair().getPrivate().getEncoded())))
                .isEmpty();

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        assertThat(PlainPkcs8.tryRead(pem(
                        dir.resolve("ec.p8"), ec.generateKeyPair().getPrivate().getEncoded())))
                .isEmpty();

        assertThat(PlainPkcs8.tryRead(Files.writeString(
                        dir.resolve("junk.p8"), "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n")))
                .isEmpty();
        assertThat(PlainPkcs8.tryRead(dir.resolve("missing.p8"))).isEmpty();
        assertThat(io.papi.broker.PrivateKeys.read(encrypted, PassphraseSource.of("pass phrase".toCharArray())))
                .isEqualTo(key);
    }

    private static Path pem(Path file, byte[] der) throws Exception {
        return Files.writeString(
                file,
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n");
    }
}
