package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.testing.Openssl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every key form users already have, made with the commands Snowflake's documentation gives, read by papi; the
 * fingerprint papi computes must equal openssl's pipeline from the same documentation.
 */
class OpensslKeyCompatibilityTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    enum Form {
        PKCS8_PLAIN("-----BEGIN PRIVATE KEY-----", null, false),
        PKCS8_PBES2_DES3("-----BEGIN ENCRYPTED PRIVATE KEY-----", "des-ede3-cbc", true),
        PKCS8_PBES2_AES256("-----BEGIN ENCRYPTED PRIVATE KEY-----", "aes-256-cbc", true),
        PKCS8_PBE_SHA1_3DES("-----BEGIN ENCRYPTED PRIVATE KEY-----", "pbeWithSHA1And3-KeyTripleDES-CBC", true),
        PKCS1_PLAIN("-----BEGIN RSA PRIVATE KEY-----", null, false),
        PKCS1_ENCRYPTED_AES256("Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-256-CBC", true),
        PKCS1_ENCRYPTED_DES3("Proc-Type: 4,ENCRYPTED", "DEK-Info: DES-EDE3-CBC", true);

        final String header;
        final String cipherMark;
        final boolean encrypted;

        Form(String header, String cipherMark, boolean encrypted) {
            this.header = header;
            this.cipherMark = cipherMark;
            this.encrypted = encrypted;
        }

        /** Makes rsa_key.p8 in the working directory the way Snowflake's documentation (or openssl's) does. */
        void make(Openssl openssl) throws Exception {
            String passout = encrypted ? openssl.passFile("pass.txt", PASSPHRASE) : null;
            switch (this) {
                case PKCS8_PLAIN -> topk8(openssl, List.of(), List.of("-nocrypt"));
                case PKCS8_PBES2_DES3 -> topk8(openssl, List.of("-v2", "des3"), List.of("-passout", passout));
                case PKCS8_PBES2_AES256 -> topk8(openssl, List.of("-v2", "aes256"), List.of("-passout", passout));
                case PKCS8_PBE_SHA1_3DES ->
                    topk8(openssl, List.of("-v1", "PBE-SHA1-3DES"), List.of("-passout", passout));
                case PKCS1_PLAIN -> openssl.run("genrsa", "-traditional", "-out", "rsa_key.p8", "2048");
                case PKCS1_ENCRYPTED_AES256 ->
                    openssl.run("genrsa", "-traditional", "-aes256", "-passout", passout, "-out", "rsa_key.p8", "2048");
                case PKCS1_ENCRYPTED_DES3 ->
                    openssl.run("genrsa", "-traditional", "-des3", "-passout", passout, "-out", "rsa_key.p8", "2048");
            }
        }

        /** {@code openssl genrsa 2048 | openssl pkcs8 -topk8 <cipher> -inform PEM -out rsa_key.p8 <protection>}. */
        private static void topk8(Openssl openssl, List<String> cipher, List<String> protection) {
            List<String> args = new ArrayList<>(List.of("pkcs8", "-topk8"));
            args.addAll(cipher);
            args.addAll(List.of("-inform", "PEM", "-out", "rsa_key.p8"));
            args.addAll(protection);
            openssl.run(openssl.genrsa(2048), args.toArray(String[]::new));
        }
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void readsKeysMadeWithTheDocumentedCommandsAndAgreesWithOpensslOnTheFingerprint(Form form, @TempDir Path dir)
            throws Exception {
        Openssl openssl = new Openssl(dir);
        form.make(openssl);
        Path keyFile = dir.resolve("rsa_key.p8");
        String pem = Files.readString(keyFile);
        assertThat(pem).as("the file is the form under test").contains(form.header);
        if (form.cipherMark != null) {
            String structure = form.header.startsWith("Proc-Type")
                    ? pem
                    : new String(openssl.run("asn1parse", "-in", "rsa_key.p8"), StandardCharsets.US_ASCII);
            assertThat(structure).contains(form.cipherMark);
        }

        AtomicInteger asked = new AtomicInteger();
        PassphraseSource passphrase = file -> {
            asked.incrementAndGet();
            return Optional.of(PASSPHRASE.toCharArray());
        };
        RSAPrivateCrtKey key = PrivateKeys.read(keyFile, passphrase);

        assertThat(asked).as("passphrase asked only for an encrypted key").hasValue(form.encrypted ? 1 : 0);
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        openssl.publicKeyOf("rsa_key.p8", "rsa_key.pub", form.encrypted ? "file:pass.txt" : null);
        String opensslFingerprint = openssl.fingerprintOfPublicKeyFile("rsa_key.pub");
        assertThat(opensslFingerprint).matches("SHA256:[A-Za-z0-9+/]{43}=");

        RSAPublicKey derived = PublicKeys.fromPrivate(key);
        assertThat(KeyFingerprint.of(derived)).isEqualTo(opensslFingerprint);
        assertThat(KeyFingerprint.of(PublicKeys.read(dir.resolve("rsa_key.pub"), PassphraseSource.none())))
                .isEqualTo(opensslFingerprint);
        assertThat(KeyFingerprint.of(PublicKeys.read(keyFile, PassphraseSource.of(PASSPHRASE.toCharArray()))))
                .isEqualTo(opensslFingerprint);

        String opensslPublicPem = Files.readString(dir.resolve("rsa_key.pub"));
        assertThat(PublicKeys.pem(derived)).isEqualTo(opensslPublicPem);
        assertThat(PublicKeys.snowflakeValue(derived))
                .isEqualTo(opensslPublicPem
                        .lines()
                        .filter(line -> !line.startsWith("-----"))
                        .collect(Collectors.joining()));
    }
}
