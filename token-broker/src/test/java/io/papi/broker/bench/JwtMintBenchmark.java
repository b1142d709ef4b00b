package io.papi.broker.bench;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.KeyFiles;
import io.papi.broker.KeyPairJwt;
import io.papi.broker.KeyPairs;
import io.papi.broker.PassphraseSource;
import io.papi.broker.PrivateKeys;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * How much a warm {@link KeyPairJwt#mint(Duration)} costs with a 2048-bit key: mints per second and the p50/p99 of
 * single mints, on one thread and optionally several; then how long reading a papi-encrypted private key takes
 * (the PBKDF2 cost paid once per process). Bounded in count and time. Run through token-broker/bench/jwt-mint.sh.
 */
public final class JwtMintBenchmark {
    private static final int MAX_COUNT = 200_000;
    private static final int MAX_THREADS = 8;
    private static final long TIME_LIMIT_NANOS = Duration.ofSeconds(60).toNanos();

    public static void main(String[] args) throws Exception {
        int warmup = intArg(args, "--warmup", 2_000);
        int count = intArg(args, "--count", 5_000);
        int threads = intArg(args, "--threads", 1);
        int keyReads = intArg(args, "--key-reads", 3);
        if (count < 1
                || count > MAX_COUNT
                || warmup < 0
                || warmup > MAX_COUNT
                || threads < 1
                || threads > MAX_THREADS
                || keyReads < 0
                || keyReads > 10) {
            System.err.println("usage: JwtMintBenchmark [--warmup 0.." + MAX_COUNT + "] [--count 1.." + MAX_COUNT
                    + "] [--threads 1.." + MAX_THREADS + "] [--key-reads 0..10]");
            System.exit(2);
        }
        System.out.printf(
                "java %s on %s, %d CPUs available%n",
                System.getProperty("java.version"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());

        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyPairs.generate(2048).getPrivate();
        KeyPairJwt jwt = new KeyPairJwt(
                AccountIdentifier.parse("xy12345.us-east-1.aws"), "svc_data_api", key, Clock.systemUTC());
        Duration lifetime = Duration.ofMinutes(59);

        long warmStart = System.nanoTime();
        for (int i = 0; i < warmup && System.nanoTime() - warmStart < TIME_LIMIT_NANOS; i++) {
            jwt.mint(lifetime);
        }
        System.out.printf("warm-up: %d mints in %.1f s%n", warmup, (System.nanoTime() - warmStart) / 1e9);

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long[] single = measure(jwt, lifetime, count);
        long cpuNanos = cpu.getCurrentThreadCpuTime() - cpuStart;
        report("1 thread", single, count);
        // CPU time is what a mint costs this thread whatever else the machine runs; wall time includes waiting for a
        // core
        System.out.printf(
                "1 thread: %.3f ms CPU per mint (wall-clock figures above include time waiting for a core; "
                        + "load average %.2f)%n",
                cpuNanos / 1e6 / Arrays.stream(single).filter(n -> n > 0).count(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        if (threads > 1) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Callable<long[]>> tasks = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    tasks.add(() -> measure(jwt, lifetime, count));
                }
                long start = System.nanoTime();
                List<long[]> results = new ArrayList<>();
                for (Future<long[]> f : pool.invokeAll(tasks)) {
                    results.add(f.get());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long[] all = minted(results.stream().flatMapToLong(Arrays::stream));
                System.out.printf(
                        "%d threads: %.0f mints/s in total, %s per mint (%d mints, %.1f s)%n",
                        threads, all.length / seconds, medianAndP99(all), all.length, seconds);
            } finally {
                pool.shutdownNow();
            }
        }

        if (keyReads > 0) {
            Path dir = Files.createTempDirectory("papi-bench");
            Path file = dir.resolve("rsa_key.p8");
            char[] passphrase = "benchmark-passphrase".toCharArray();
            try {
                long writeStart = System.nanoTime();
                KeyFiles.writePrivateKey(file, key, passphrase);
                double writeMs = (System.nanoTime() - writeStart) / 1e6;
                long[] reads = new long[keyReads];
                for (int i = 0; i < keyReads; i++) {
                    long start = System.nanoTime();
                    PrivateKeys.read(file, PassphraseSource.of(passphrase));
                    reads[i] = System.nanoTime() - start;
                }
                Arrays.sort(reads);
                System.out.printf(
                        "encrypted key (PBKDF2-HMAC-SHA256, %d rounds): write %.0f ms, read median %.0f ms of %d%n",
                        KeyFiles.PBKDF2_ITERATIONS, writeMs, reads[reads.length / 2] / 1e6, keyReads);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        }
    }

    /** Nanoseconds of each mint; stops early (zeros left) at the time limit. */
    private static long[] measure(KeyPairJwt jwt, Duration lifetime, int count) {
        long[] nanos = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            String minted = jwt.mint(lifetime);
            nanos[i] = System.nanoTime() - t0;
            if (minted.isEmpty() || t0 - start > TIME_LIMIT_NANOS) {
                break;
            }
        }
        return nanos;
    }

    private static void report(String label, long[] raw, int asked) {
        long[] nanos = minted(Arrays.stream(raw));
        double seconds = Arrays.stream(nanos).sum() / 1e9;
        System.out.printf(
                "%s: %.0f mints/s, %s, max %.3f ms per mint (%d of %d mints, %.1f s)%n",
                label,
                nanos.length / seconds,
                medianAndP99(nanos),
                nanos[nanos.length - 1] / 1e6,
                nanos.length,
                asked,
                seconds);
    }

    /** The mints that ran (a zero is one the time limit stopped), shortest first. */
    private static long[] minted(LongStream nanos) {
        return nanos.filter(n -> n > 0).sorted().toArray();
    }

    /** {@code p50 1.234 ms, p99 2.345 ms}. */
    private static String medianAndP99(long[] sorted) {
        return String.format("p50 %.3f ms, p99 %.3f ms", percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    System.err.println(name + " must be a whole number, not " + args[i + 1]);
                    System.exit(2);
                }
            }
        }
        return fallback;
    }
}
