package io.papi.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.testing.Openssl;
import io.papi.testing.TestTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from the PEM files openssl writes. */
class PemTlsTest {
    @TempDir
    Path dir;

    @Test
    void servesHttpsWithAnRsaOrEcKeyFromPem() throws Exception {
        for (String key : new String[] {"rsa:2048", "ec"}) {
            String[] newKey = key.equals("ec")
                    ? new String[] {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"}
                    : new String[] {"-newkey", key};
            String[] args = {
                "-x509",
                "-nodes",
                "-keyout",
                "k.pem",
                "-out",
                "c.pem",
                "-days",
                "1",
                "-subj",
                "/CN=papi",
                "-addext",
                "subjectAltName=IP:127.0.0.1"
            };
            String[] all = new String[1 + newKey.length + args.length];
            all[0] = "req";
            System.arraycopy(newKey, 0, all, 1, newKey.length);
            System.arraycopy(args, 0, all, 1 + newKey.length, args.length);
            new Openssl(dir).run(all);

            try (HttpServing serving = HttpServing.start(
                    ServingConfig.builder("tls", ServerAddress.tcp("127.0.0.1", 0))
                            .tls(new PemTls(dir.resolve("c.pem"), dir.resolve("k.pem")))
                            .build(),
                    new Handler.Abstract() {
                        @Override
                        public boolean handle(Request request, Response response, Callback callback) {
                            response.write(
                                    true,
                                    ByteBuffer.wrap(
                                            (request.isSecure() ? "secure" : "plain").getBytes(StandardCharsets.UTF_8)),
                                    callback);
                            return true;
                        }
                    })) {
                HttpClient client = HttpClient.newBuilder()
                        .sslContext(trusting(dir.resolve("c.pem")))
                        .build();
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(URI.create(serving.describe() + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.body()).as(key).isEqualTo("secure");
                assertThat(serving.describe()).startsWith("https://127.0.0.1:");
            }
        }
    }

    @Test
    void unusableFilesAreNamed() throws Exception {
        Path cert = Files.writeString(dir.resolve("c.pem"), "not a certificate");
        Path key = Files.writeString(dir.resolve("k.pem"), "not a key");

        assertThatThrownBy(() -> new PemTls(cert, key).contextFactory()).hasMessageContaining("--tls-cert " + cert);
        assertThatThrownBy(() -> new PemTls(dir.resolve("missing.pem"), key).contextFactory())
                .hasMessageContaining("does not exist");
        new Openssl(dir).selfSigned("x", "real.pem", "real.key");
        assertThatThrownBy(() -> new PemTls(dir.resolve("real.pem"), key).contextFactory())
                .hasMessageContaining("--tls-key " + key)
                .hasMessageContaining("PKCS#8");
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        return TestTls.context(TestTls.trusting(certificate));
    }
}
