package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.papi.serving.PemTls;
import io.papi.serving.ServerAddress;
import io.papi.testing.Openssl;
import io.papi.testing.TestTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Who can take a token: the owner of the secret or the socket, not another OS user, not a page in a browser. */
class CallerAccessTest extends RunningBrokerTest {

    @Test
    void aHostNameThatResolvesToLoopbackIsRefused() throws Exception {
        // the premise: through this JVM's hosts file (-Djdk.net.hosts.file) these names really resolve to 127.0.0.1
        assertThat(InetAddress.getByName("cafe").isLoopbackAddress()).isTrue();
        assertThat(InetAddress.getByName("rebound.example").isLoopbackAddress()).isTrue();
        issueTokensLiving(600);
        start(config());

        for (String name : List.of("cafe", "beef", "rebound.example")) {
            Answer answer = call(tokenRequest("/token")
                    .header("Host", name + ":" + broker.port())
                    .build());
            assertThat(answer.status()).as(name).isEqualTo(403);
            assertThat(answer.json().get("reason").asText()).isEqualTo("bad_host");
        }
        assertThat(call(tokenRequest("/token")
                                .header("Host", "localhost:" + broker.port())
                                .build())
                        .status())
                .isEqualTo(200);
        assertThat(call(tokenRequest("/token")
                                .header("Host", "[::1]:" + broker.port())
                                .build())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void everyRefusalIsOneJsonLineWithAReason() {
        issueTokensLiving(600);
        start(config());
        List<Request> refused = List.of(
                new Request.Builder().url(brokerUrl("/token")).build(),
                tokenRequest("/token").header("Authorization", "Bearer wrong").build(),
                tokenRequest("/token").header("Host", "evil.example").build(),
                tokenRequest("/token").header("Origin", "https://evil.example").build(),
                tokenRequest("/token")
                        .header("Referer", "https://evil.example/page")
                        .build(),
                tokenRequest("/token").header("Sec-Fetch-Site", "cross-site").build(),
                tokenRequest("/nowhere").build(),
                tokenRequest("/token")
                        .post(okhttp3.RequestBody.create(new byte[0]))
                        .build(),
                tokenRequest("/token").header("X-Big", "x".repeat(20_000)).build());

        List<String> reasons = new ArrayList<>();
        for (Request request : refused) {
            Answer answer = call(request);
            assertThat(answer.status()).as(request.toString()).isBetween(400, 499);
            assertThat(answer.body())
                    .as(request.toString())
                    .doesNotContain("\n")
                    .doesNotContain(SECRET);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            JsonNode json = answer.json();
            assertThat(json.get("error").asText()).isNotBlank();
            reasons.add(json.get("reason").asText());
        }
        assertThat(reasons)
                .containsExactly(
                        "missing_broker_header",
                        "unauthorized",
                        "bad_host",
                        "cross_origin",
                        "cross_origin_referer",
                        "cross_site",
                        "not_found",
                        "method_not_allowed",
                        "headers_too_large");
    }

    @Test
    void aSameOriginRefererIsAccepted() {
        issueTokensLiving(600);
        start(config());

        Answer answer = call(tokenRequest("/token")
                .header("Referer", "http://127.0.0.1:" + broker.port() + "/readyz")
                .build());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void onAUnixSocketTheSocketModeIsTheGuardAndNoSecretIsAsked() throws Exception {
        issueTokensLiving(600);
        Path socket = dir.resolve("run").resolve("broker.sock");
        start(BrokerConfig.builder().identity(identity("default")).listen(ServerAddress.unix(socket)));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                .isEqualTo("rwx------");
        Curl curl = curl(null, "--unix-socket", socket.toString(), "-H", "X-Papi-Broker: 1", "http://localhost/token");
        assertThat(curl.exit()).isZero();
        assertThat(curl.out()).isEqualTo(ISSUER.issued().get(0).token());
        assertThat(broker.address()).isEqualTo("unix:" + socket);
    }

    @Test
    void anotherOsUserGetsNoTokenOverTcpNorOverTheSocket() throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
                "needs root and runuser to act as user nobody (CI runs as root)");
        issueTokensLiving(600);
        // folders anyone may enter, so that only the modes papi sets stand between nobody and the token
        Path open = Files.createTempDirectory(Path.of("/tmp"), "papi-nobody-");
        try {
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path secretFile = BrokerSecret.defaultFile(open);
            String secret = BrokerSecret.readOrCreate(secretFile);
            start(BrokerConfig.builder()
                    .identity(identity("default"))
                    .listen(new InetSocketAddress("127.0.0.1", 0))
                    .authToken(secret));
            String url = brokerUrl("/token");

            Curl ownerTcp = curl(null, "-H", "X-Papi-Broker: 1", "-H", "Authorization: Bearer " + secret, url);
            Curl nobodyTcp = curl("nobody", "-H", "X-Papi-Broker: 1", url);
            Curl nobodyWithTheFile = curl("nobody", "-H", "X-Papi-Broker: 1", "-H", "@" + secretFile, url);
            Curl nobodyReads = run("nobody", List.of("cat", secretFile.toString()));

            assertThat(ownerTcp.out()).isEqualTo(ISSUER.issued().get(0).token());
            assertThat(nobodyTcp.out()).contains("\"reason\":\"unauthorized\"").doesNotContain(ownerTcp.out());
            assertThat(nobodyWithTheFile.out()).doesNotContain(ownerTcp.out());
            assertThat(nobodyReads.exit()).isNotZero();
            assertThat(nobodyReads.err()).contains("Permission denied");

            broker.close();
            Path socket = open.resolve("broker.sock");
            start(BrokerConfig.builder().identity(identity("default")).listen(ServerAddress.unix(socket)));
            Curl ownerSocket =
                    curl(null, "--unix-socket", socket.toString(), "-H", "X-Papi-Broker: 1", "http://localhost/token");
            Curl nobodySocket = curl(
                    "nobody", "--unix-socket", socket.toString(), "-H", "X-Papi-Broker: 1", "http://localhost/token");

            assertThat(ownerSocket.exit()).isZero();
            assertThat(ownerSocket.out()).isNotEmpty();
            assertThat(nobodySocket.exit()).as("curl exit 7: could not connect").isEqualTo(7);
            assertThat(nobodySocket.out()).doesNotContain(ownerSocket.out());
        } finally {
            if (broker != null) {
                broker.close();
                broker = null;
            }
            try (var files = Files.walk(open)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void beyondLoopbackTlsAndTheSecretGuardEverythingButLivez() throws Exception {
        issueTokensLiving(600);
        new Openssl(dir).selfSigned("papi-test", "tls.crt", "tls.key");
        start(config().listen(new InetSocketAddress("0.0.0.0", 0))
                .tls(new PemTls(dir.resolve("tls.crt"), dir.resolve("tls.key"))));
        OkHttpClient tls = trusting(dir.resolve("tls.crt"));
        String base = "https://127.0.0.1:" + broker.port();

        assertThat(broker.address()).startsWith("https://");
        assertThat(status(tls, base + "/livez", null)).isEqualTo(200);
        assertThat(body(tls, base + "/readyz", null))
                .doesNotContain("identities")
                .doesNotContain("token_hash");
        assertThat(status(tls, base + "/metrics", null)).isEqualTo(401);
        assertThat(status(tls, base + "/metrics", SECRET)).isEqualTo(200);
        assertThat(body(tls, base + "/readyz", SECRET)).contains("identities");
        assertThat(status(tls, base + "/token", null)).isEqualTo(401);
        assertThat(status(tls, base + "/token", SECRET)).isEqualTo(200);
    }

    private static int status(OkHttpClient client, String url, String secret) throws IOException {
        try (Response response = client.newCall(request(url, secret)).execute()) {
            return response.code();
        }
    }

    private static String body(OkHttpClient client, String url, String secret) throws IOException {
        try (Response response = client.newCall(request(url, secret)).execute()) {
            return response.body().string();
        }
    }

    private static Request request(String url, String secret) {
        Request.Builder request = new Request.Builder().url(url).header("X-Papi-Broker", "1");
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        return request.build();
    }

    private static OkHttpClient trusting(Path certificate) throws Exception {
        X509TrustManager manager = TestTls.trusting(certificate);
        return new OkHttpClient.Builder()
                .sslSocketFactory(TestTls.context(manager).getSocketFactory(), manager)
                .build();
    }

    record Curl(int exit, String out, String err) {}

    /** Runs curl, as {@code user} through runuser when given; its output, never on the test's command line a secret. */
    private static Curl curl(String user, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10"));
        command.addAll(List.of(args));
        return run(user, command);
    }

    private static Curl run(String user, List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (user != null) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", user, "--"));
        }
        full.addAll(command);
        Process process =
                new ProcessBuilder(full).directory(Path.of("/").toFile()).start();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Curl(process.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
