package io.papi.serving;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * TLS for a listener from two PEM files, as openssl and cert-manager write them: the certificate chain (leaf
 * first) and an unencrypted PKCS#8 key ({@code openssl genpkey} or {@code openssl req -newkey ... -noenc}), RSA or EC.
 */
public final class PemTls {
    private static final String KEY_LABEL = "PRIVATE" + " KEY";
    private static final Pattern KEY_BLOCK =
            Pattern.compile("-----BEGIN " + KEY_LABEL + "-----([A-Za-z0-9+/=\\s]+)-----END " + KEY_LABEL + "-----");
    private static final char[] IN_MEMORY = "papi".toCharArray();

    private final Path certificate;
    private final Path key;

    /**
     * @param certificate the PEM certificate chain
     * @param key the PEM PKCS#8 private key
     */
    public PemTls(Path certificate, Path key) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.key = Objects.requireNonNull(key, "key");
    }

    public Path certificate() {
        return certificate;
    }

    public Path key() {
        return key;
    }

    /**
     * Reads both files into a Jetty server context.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public SslContextFactory.Server contextFactory() {
        KeyStore store = keyStore();
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(store);
        factory.setKeyStorePassword(new String(IN_MEMORY));
        // TLS 1.2 and 1.3 only; Jetty's defaults already exclude weak suites
        factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        return factory;
    }

    KeyStore keyStore() {
        Certificate[] chain = chain();
        PrivateKey privateKey = privateKey();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("papi", privateKey, IN_MEMORY, chain);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "--tls-key " + key + " does not match --tls-cert " + certificate + ": " + e.getMessage());
        }
    }

    private Certificate[] chain() {
        byte[] bytes = read(certificate, "--tls-cert");
        try {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(
                        "--tls-cert " + certificate + " holds no certificate: give the PEM chain, leaf first");
            }
            return certificates.toArray(new Certificate[0]);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "--tls-cert " + certificate + " is not a PEM certificate chain (" + e.getMessage() + ")");
        }
    }

    private PrivateKey privateKey() {
        byte[] bytes = read(key, "--tls-key");
        String text = new String(bytes, StandardCharsets.US_ASCII);
        Arrays.fill(bytes, (byte) 0);
        Matcher block = KEY_BLOCK.matcher(text);
        if (!block.find()) {
            throw new IllegalArgumentException("--tls-key " + key + " is not an unencrypted PKCS#8 PEM key ('BEGIN "
                    + KEY_LABEL + "'): convert it with openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        byte[] der = Base64.getMimeDecoder().decode(block.group(1));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(spec);
                } catch (GeneralSecurityException wrongAlgorithm) {
                    // try the next one
                }
            }
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        throw new IllegalArgumentException("--tls-key " + key + " is not an RSA, EC or Ed25519 PKCS#8 key");
    }

    private static byte[] read(Path file, String flag) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(flag + " " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + flag + " " + file + ": " + e.getMessage());
        }
    }
}
