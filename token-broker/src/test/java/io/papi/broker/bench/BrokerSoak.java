package io.papi.broker.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.papi.broker.AccountIdentifier;
import io.papi.broker.BrokerConfig;
import io.papi.broker.BrokerServer;
import io.papi.broker.Identity;
import io.papi.broker.KeyFiles;
import io.papi.broker.KeyPairs;
import io.papi.broker.RefreshPolicy;
import io.papi.broker.TokenExchange;
import io.papi.broker.TokenScope;
import io.papi.testing.TokenIssuer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Soak of the broker: tokens that live 20 s, faults injected at the token endpoint in stretches (resets, timeouts,
 * 429, a 503 burst longer than a token's life, garbage bodies, tokens expired on arrival, a rejected JWT), and 16
 * callers polling the token API. Checks, from the tokens themselves (their {@code exp}) and from the record of every
 * token the endpoint issued:
 * <ul>
 *   <li>no caller ever got a token whose {@code exp} had passed when it asked;</li>
 *   <li>no caller got a 503 while a token issued to the broker was still valid (with 250 ms slack either side);</li>
 *   <li>the broker's threads and the process's open file descriptors stay flat.</li>
 * </ul>
 * Bounded: at most 15 minutes, 16 callers with a pause between calls. Run through token-broker/bench/soak.sh.
 */
public final class BrokerSoak {
    private static final String SECRET = "soak-secret-0123456789abcdef";
    private static final Pattern EXP = Pattern.compile("\"exp\":(\\d+)");
    private static final long SLACK_MILLIS = 250;
    private static final int CALLERS = 16;

    /** One fault stretch: from its start (seconds into the run) the endpoint answers like this. */
    private record Stretch(int startSecond, String name, ResponseDefinitionBuilder answer) {}

    private record Sample(long second, long brokerThreads, long jvmThreads, long fds, long heapMb) {}

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 255);
        long pauseMillis = intArg(args, "--pause-ms", 50);
        if (seconds < 30 || seconds > 900 || pauseMillis < 5 || pauseMillis > 1000) {
            System.err.println("usage: BrokerSoak [--seconds 30..900] [--pause-ms 5..1000]");
            System.exit(2);
        }
        System.out.printf(
                "java %s, %d CPUs; %d callers, %d ms pause, %d s, tokens live 20 s%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                CALLERS,
                pauseMillis,
                seconds);

        TokenIssuer issuer = new TokenIssuer();
        issuer.useClock(Clock.systemUTC());
        WireMockServer snowflake = new WireMockServer(wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .extensions(issuer)
                .containerThreads(12)
                .asynchronousResponseEnabled(false));
        snowflake.start();
        Path dir = Files.createTempDirectory("papi-soak");
        Path key = dir.resolve("rsa_key.p8");
        KeyFiles.writePrivateKey(key, (RSAPrivateCrtKey) KeyPairs.generate(2048).getPrivate(), null);

        List<Stretch> plan = plan();
        answer(snowflake, plan.get(0).answer());
        Identity identity = Identity.builder("default")
                .account(AccountIdentifier.parse("myorg-myacct"))
                .user("svc_soak")
                .privateKeyFile(key)
                .scope(new TokenScope("DATA_API_ROLE", "soak-myorg-myacct.snowflakecomputing.app"))
                .exchange(TokenExchange.builder()
                        .tokenUrl(URI.create(snowflake.baseUrl() + "/oauth/token"))
                        .timeout(Duration.ofSeconds(2))
                        .build())
                .build();
        // the default policy scaled to 20 s tokens: refresh with a quarter left (at least 5 s), backoff 1 s to 4 s
        RefreshPolicy policy = RefreshPolicy.builder()
                .refreshAt(0.25)
                .minMargin(Duration.ofSeconds(5))
                .jitter(0.1)
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .readyMargin(Duration.ofSeconds(5))
                .build();
        BrokerServer broker = BrokerServer.start(BrokerConfig.builder()
                .identity(identity)
                .policy(policy)
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .authToken(SECRET)
                .sinks(dir.resolve("token"), dir.resolve("header"))
                .drain(Duration.ofSeconds(2))
                .build());
        broker.awaitReady(Duration.ofSeconds(30));

        ExecutorService clientPool = Executors.newFixedThreadPool(2);
        HttpClient http = HttpClient.newBuilder()
                .executor(clientPool)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        AtomicLong ok = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        AtomicLong expiredHandedOut = new AtomicLong();
        AtomicLong lastSecondHandouts = new AtomicLong();
        AtomicLong otherAnswers = new AtomicLong();
        ConcurrentLinkedQueue<long[]> unavailableAt =
                new ConcurrentLinkedQueue<>(); // {requestSentMillis, answeredMillis}
        ConcurrentLinkedQueue<Long> latencyMicros = new ConcurrentLinkedQueue<>();
        long started = System.currentTimeMillis();
        long deadline = started + seconds * 1000L;

        ExecutorService callers = Executors.newFixedThreadPool(CALLERS, r -> new Thread(r, "soak-caller"));
        for (int c = 0; c < CALLERS; c++) {
            String path = c % 2 == 0 ? "/token.json" : "/token";
            callers.execute(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + broker.port() + path))
                        .header("X-Papi-Broker", "1")
                        .header("Authorization", "Bearer " + SECRET)
                        .timeout(Duration.ofSeconds(30))
                        .build();
                while (System.currentTimeMillis() < deadline) {
                    long sent = System.currentTimeMillis();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long answered = System.currentTimeMillis();
                        latencyMicros.add((System.nanoTime() - t0) / 1000);
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                            long expMillis = expOf(response.body()) * 1000;
                            if (expMillis <= sent) {
                                expiredHandedOut.incrementAndGet();
                            } else if (expMillis - answered < 1000) {
                                lastSecondHandouts.incrementAndGet();
                            }
                        } else if (response.statusCode() == 503) {
                            unavailable.incrementAndGet();
                            unavailableAt.add(new long[] {sent, answered});
                        } else {
                            otherAnswers.incrementAndGet();
                        }
                    } catch (IOException e) {
                        otherAnswers.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    try {
                        Thread.sleep(pauseMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        List<Sample> samples = new ArrayList<>();
        int nextStretch = 1;
        long nextSample = started;
        System.out.println();
        System.out.println("  t(s)  stretch                     ok      503   broker-thr  jvm-thr  fds  heap(MB)");
        String current = plan.get(0).name();
        while (System.currentTimeMillis() < deadline) {
            long elapsed = (System.currentTimeMillis() - started) / 1000;
            while (nextStretch < plan.size() && elapsed >= plan.get(nextStretch).startSecond()) {
                answer(snowflake, plan.get(nextStretch).answer());
                current = plan.get(nextStretch).name();
                nextStretch++;
            }
            if (System.currentTimeMillis() >= nextSample) {
                Sample s = sample(elapsed);
                samples.add(s);
                if (elapsed % 15 == 0 || samples.size() == 1) {
                    System.out.printf(
                            "  %4d  %-24s %8d %8d %9d %9d %5d %7d%n",
                            elapsed,
                            current,
                            ok.get(),
                            unavailable.get(),
                            s.brokerThreads(),
                            s.jvmThreads(),
                            s.fds(),
                            s.heapMb());
                }
                nextSample += 5_000;
            }
            Thread.sleep(100);
        }
        callers.shutdown();
        callers.awaitTermination(40, TimeUnit.SECONDS);

        long violations = 0;
        List<TokenIssuer.Issued> issued = issuer.issued();
        for (long[] at : unavailableAt) {
            long sent = at[0];
            long answered = at[1];
            boolean validTokenExisted = issued.stream()
                    .anyMatch(t -> issuedAtMillis(t) + SLACK_MILLIS < sent
                            && t.expiresAt().toEpochMilli() > answered + SLACK_MILLIS);
            if (validTokenExisted) {
                violations++;
            }
        }
        String metrics = broker.metrics();
        broker.close();
        snowflake.stop();
        clientPool.shutdownNow();
        deleteTree(dir);

        long[] lat = latencyMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println();
        System.out.printf(
                "requests %d: 200 %d, 503 %d, other %d; token API latency p50 %.2f ms, p99 %.2f ms, max %.1f ms%n",
                ok.get() + unavailable.get() + otherAnswers.get(),
                ok.get(),
                unavailable.get(),
                otherAnswers.get(),
                pct(lat, 0.50) / 1000.0,
                pct(lat, 0.99) / 1000.0,
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1000.0);
        System.out.printf(
                "tokens issued by the endpoint: %d (%d valid on arrival)%n",
                issued.size(),
                issued.stream()
                        .filter(t -> t.expiresAt().toEpochMilli() > issuedAtMillis(t))
                        .count());
        System.out.println("refreshes (from /metrics):");
        metrics.lines()
                .filter(l -> l.startsWith("papi_broker_refreshes_total{"))
                .sorted()
                .forEach(l -> System.out.println("  " + l));
        System.out.printf("handed out in their last second: %d%n", lastSecondHandouts.get());
        List<Sample> steady = samples.stream().filter(s -> s.second() >= 20).toList();
        System.out.printf(
                "broker threads (after 20 s): min %d, max %d; jvm threads: min %d, max %d; open fds: min %d, max %d%n",
                min(steady, Sample::brokerThreads),
                max(steady, Sample::brokerThreads),
                min(steady, Sample::jvmThreads),
                max(steady, Sample::jvmThreads),
                min(steady, Sample::fds),
                max(steady, Sample::fds));
        System.out.println();
        boolean flat = max(steady, Sample::brokerThreads) == min(steady, Sample::brokerThreads)
                && max(steady, Sample::fds) - min(steady, Sample::fds) <= 16;
        System.out.printf(
                "expired tokens handed out: %d  %s%n",
                expiredHandedOut.get(), expiredHandedOut.get() == 0 ? "PASS" : "FAIL");
        System.out.printf(
                "503 while a valid token existed: %d of %d  %s%n",
                violations, unavailable.get(), violations == 0 ? "PASS" : "FAIL");
        System.out.printf("broker threads flat, fds within 16: %s%n", flat ? "PASS" : "FAIL");
        System.exit(expiredHandedOut.get() == 0 && violations == 0 && flat ? 0 : 1);
    }

    /** The fault plan: healthy stretches between faults, each fault a different kind; 255 s in all. */
    private static List<Stretch> plan() {
        ResponseDefinitionBuilder healthy = aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/plain")
                .withTransformers(TokenIssuer.NAME)
                .withTransformerParameter("lifetimeSeconds", 20);
        // each fault lasts longer than the ~14 s between planned refreshes, so every kind is met at least once
        return List.of(
                new Stretch(0, "healthy", healthy),
                new Stretch(20, "connection resets", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                new Stretch(38, "healthy", healthy),
                new Stretch(
                        50,
                        "timeouts (3 s > 2 s)",
                        aResponse().withStatus(200).withFixedDelay(3_000).withBody("late-0123456789abcdef")),
                new Stretch(68, "healthy", healthy),
                new Stretch(
                        80, "429 Retry-After: 2", aResponse().withStatus(429).withHeader("Retry-After", "2")),
                new Stretch(98, "healthy", healthy),
                new Stretch(
                        110, "503 burst of 30 s", aResponse().withStatus(503).withBody("<html>unavailable</html>")),
                new Stretch(140, "healthy", healthy),
                new Stretch(
                        155,
                        "garbage 200 bodies",
                        aResponse().withStatus(200).withBody("<html><body>Sign in</body></html>")),
                new Stretch(173, "healthy", healthy),
                new Stretch(
                        185,
                        "expired on arrival",
                        aResponse()
                                .withStatus(200)
                                .withTransformers(TokenIssuer.NAME)
                                .withTransformerParameter("lifetimeSeconds", -5)),
                new Stretch(203, "healthy", healthy),
                new Stretch(
                        215,
                        "401 JWT rejected",
                        aResponse()
                                .withStatus(401)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        "{\"code\":\"390144\",\"message\":\"JWT token is invalid.\",\"success\":false}")),
                new Stretch(233, "healthy", healthy));
    }

    private static void answer(WireMockServer server, ResponseDefinitionBuilder answer) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(answer));
    }

    /** When the endpoint made the token (the broker holds it a few milliseconds later). */
    private static long issuedAtMillis(TokenIssuer.Issued token) {
        return token.issuedAt().toEpochMilli();
    }

    private static long expOf(String body) {
        String token = body.startsWith("{") ? body.replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1") : body;
        String[] parts = token.split("\\.");
        Matcher m = EXP.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("a token without exp");
        }
        return Long.parseLong(m.group(1));
    }

    private static Sample sample(long second) {
        long broker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("papi-"))
                .count();
        long jvm = ManagementFactory.getThreadMXBean().getThreadCount();
        long fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            fds = open.count();
        } catch (IOException e) {
            fds = -1;
        }
        Runtime rt = Runtime.getRuntime();
        return new Sample(second, broker, jvm, fds, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long min(List<Sample> s, java.util.function.ToLongFunction<Sample> f) {
        return s.stream().mapToLong(f).min().orElse(-1);
    }

    private static long max(List<Sample> s, java.util.function.ToLongFunction<Sample> f) {
        return s.stream().mapToLong(f).max().orElse(-1);
    }

    private static int intArg(String[] args, String name, int fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : fallback;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
