package io.papi.local.bench;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.papi.local.DriverJwtBuilder;
import io.papi.local.LocalAccount;
import io.papi.local.LocalTokenEndpoint;
import io.papi.local.SessionCheck;
import io.papi.local.SessionTokenVerifier;
import io.papi.local.TokenClient;
import io.papi.local.files.AccountDirectory;
import io.papi.local.login.KeyPairJwtCheck;
import io.papi.local.session.SessionSigningKey;
import io.papi.local.session.SessionTokenIssuer;
import io.papi.local.store.UserDatabase;
import io.papi.testing.TestKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Prints what local ingress authentication and the local {@code /oauth/token} cost:
 * <ul>
 *   <li>cached verify: the same token again (every request after a client's first), ns/op;</li>
 *   <li>uncached verify: a token never seen before (parse, HMAC, claims, cache insert), ns/op;</li>
 *   <li>key-pair JWT check alone, in process, and its two big parts (H2 user lookup, RS256 verify), ns/op;</li>
 *   <li>{@code /oauth/token} exchanges per second over loopback HTTP with N client threads, and latency percentiles.</li>
 * </ul>
 * Every phase is bounded in count or time. Run with {@code local-account/bench/verify.sh}; arguments:
 * {@code [clientThreads (default 4)] [exchangeSeconds (default 5)]}.
 */
public final class VerifyBenchmark {
    private static final String ENDPOINT = "bench.snowflakecomputing.app";
    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path directory = Files.createTempDirectory("papi-local-bench");
        System.out.printf(
                "java %s, %d cores available, load average before: %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage());
        try (LocalAccount account = LocalAccount.open(directory)) {
            KeyPair key = TestKeys.ALICE;
            account.users().create("SVC_BENCH", "DATA_API_ROLE", TestKeys.publicKey(key));
            SessionTokenIssuer issuer = new SessionTokenIssuer(
                    account.name(),
                    SessionSigningKey.read(directory.resolve(AccountDirectory.SIGNING_KEY_FILE)),
                    Duration.ofMinutes(10),
                    Clock.systemUTC());

            cachedVerify(account.verifier(), issuer);
            uncachedVerify(account.verifier(), issuer);
            jwtCheck(account, key);
            exchanges(account, key, clients, seconds);
            System.out.printf("load average after: %s%n", loadAverage());
        } finally {
            deleteTree(directory);
        }
    }

    private static void cachedVerify(SessionTokenVerifier verifier, SessionTokenIssuer issuer) {
        String header = "Snowflake Token=\""
                + issuer.issue("SVC_BENCH", "DATA_API_ROLE", ENDPOINT).token() + "\"";
        long before = verifier.signatureChecks();
        int iterations = 1_000_000;
        double[] rounds = new double[5];
        for (int round = -2; round < rounds.length; round++) { // two warm-up rounds
            long start = System.nanoTime();
            int verified = 0;
            for (int i = 0; i < iterations; i++) {
                if (verifier.verify(header, ENDPOINT).verified()) {
                    verified++;
                }
            }
            long elapsed = System.nanoTime() - start;
            if (verified != iterations) {
                throw new IllegalStateException("cached token rejected");
            }
            if (round >= 0) {
                rounds[round] = (double) elapsed / iterations;
            }
        }
        System.out.printf(
                "cached verify:   %s ns/op (5 rounds of %,d; signature checks during all rounds: %d)%n",
                summary(rounds), iterations, verifier.signatureChecks() - before);
    }

    private static void uncachedVerify(SessionTokenVerifier verifier, SessionTokenIssuer issuer) {
        int count = 40_000;
        double[] rounds = new double[3];
        for (int round = -1; round < rounds.length; round++) {
            List<String> headers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                headers.add("Snowflake Token=\""
                        + issuer.issue("SVC_BENCH_" + i, "DATA_API_ROLE", ENDPOINT)
                                .token() + "\"");
            }
            long checksBefore = verifier.signatureChecks();
            long start = System.nanoTime();
            for (String header : headers) {
                SessionCheck check = verifier.verify(header, ENDPOINT);
                if (!check.verified()) {
                    throw new IllegalStateException("fresh token rejected: " + check);
                }
            }
            long elapsed = System.nanoTime() - start;
            if (verifier.signatureChecks() - checksBefore != count) {
                throw new IllegalStateException("expected every fresh token to be checked cryptographically");
            }
            if (round >= 0) {
                rounds[round] = (double) elapsed / count;
            }
        }
        System.out.printf(
                "uncached verify: %s ns/op (3 rounds of %,d distinct tokens, each verified once)%n",
                summary(rounds), count);
    }

    private static void jwtCheck(LocalAccount account, KeyPair key) {
        UserDatabase database = UserDatabase.open(account.directory().resolve(AccountDirectory.USERS_DATABASE));
        try {
            KeyPairJwtCheck check = new KeyPairJwtCheck(account.name(), database::find, Clock.systemUTC());
            List<String> jwts = mint(key, 32);
            SignedJWT parsed = SignedJWT.parse(jwts.get(0));
            RSAPublicKey publicKey = TestKeys.publicKey(key);
            int iterations = 5_000;
            System.out.printf(
                    "key-pair JWT check in process, parts and whole (3 rounds of %,d after 1 warm-up):%n", iterations);
            System.out.printf(
                    "  H2 user lookup:            %s ns/op%n", rounds(iterations, i -> database.find("SVC_BENCH")));
            System.out.printf(
                    "  RS256 signature verify:    %s ns/op%n",
                    rounds(iterations, i -> parsed.verify(new RSASSAVerifier(publicKey))));
            System.out.printf(
                    "  whole check (parse, lookup, key decode, verify, time rules): %s ns/op%n",
                    rounds(iterations, i -> check.check(jwts.get(i % jwts.size()))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            database.close();
        }
    }

    @FunctionalInterface
    private interface Step {
        Object run(int i) throws Exception;
    }

    private static String rounds(int iterations, Step step) throws Exception {
        double[] rounds = new double[3];
        for (int round = -1; round < rounds.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                sink = step.run(i);
            }
            if (round >= 0) {
                rounds[round] = (double) (System.nanoTime() - start) / iterations;
            }
        }
        return summary(rounds);
    }

    private static void exchanges(LocalAccount account, KeyPair key, int clients, int seconds) throws Exception {
        LocalTokenEndpoint endpoint =
                account.startServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofMinutes(10));
        try {
            URI url = endpoint.tokenUrl();
            // Minted up front: RS256 signing costs the client about a millisecond per JWT on this class of machine,
            // which would otherwise be measured instead of the server. Reusing a JWT within its 60 s is allowed.
            List<String> jwts = mint(key, 64);
            runClients(url, jwts, clients, 2); // warm-up
            Result result = runClients(url, jwts, clients, seconds);
            System.out.printf(
                    "/oauth/token over loopback: %,.0f exchanges/s with %d client threads for %d s "
                            + "(%,d exchanges, %d failed; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms)%n",
                    result.count / result.seconds,
                    clients,
                    seconds,
                    result.count,
                    result.failed,
                    result.percentile(0.50),
                    result.percentile(0.99),
                    result.percentile(1.0));
        } finally {
            endpoint.stop();
        }
    }

    private record Result(long count, long failed, double seconds, long[] latenciesNanos) {
        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.round(p * (latenciesNanos.length - 1)));
            return latenciesNanos[index] / 1e6;
        }
    }

    private static Result runClients(URI url, List<String> jwts, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                futures.add(pool.submit(() -> {
                    TokenClient client = new TokenClient(url);
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    long failed = 0;
                    // bounded by time and by the latency buffer
                    while (System.nanoTime() < deadline && n < latencies.length - 1) {
                        long t0 = System.nanoTime();
                        int status = client.exchange(jwts.get((offset + n) % jwts.size()), ENDPOINT)
                                .statusCode();
                        latencies[n++] = System.nanoTime() - t0;
                        if (status != 200) {
                            failed++;
                        }
                    }
                    long[] out = Arrays.copyOf(latencies, n + 1);
                    out[n] = failed; // last slot carries the failure count
                    return out;
                }));
            }
            List<Long> all = new ArrayList<>();
            long failed = 0;
            for (Future<long[]> future : futures) {
                long[] values = future.get();
                for (int i = 0; i < values.length - 1; i++) {
                    all.add(values[i]);
                }
                failed += values[values.length - 1];
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] sorted = all.stream()
                    .sorted(Comparator.naturalOrder())
                    .mapToLong(Long::longValue)
                    .toArray();
            return new Result(sorted.length, failed, elapsed, sorted);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> mint(KeyPair key, int count) {
        List<String> jwts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            jwts.add(DriverJwtBuilder.of("SVC_BENCH", key).rs256());
        }
        return jwts;
    }

    private static String summary(double[] rounds) {
        double[] sorted = rounds.clone();
        Arrays.sort(sorted);
        return String.format(
                "median %,.0f (min %,.0f, max %,.0f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    // other processes on a small shared machine move these figures a lot: print the load with them
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path directory) throws Exception {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
