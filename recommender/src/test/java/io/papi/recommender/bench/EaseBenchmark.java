package io.papi.recommender.bench;

import io.papi.recommender.Algorithm;
import io.papi.recommender.Parameters;
import io.papi.recommender.ProgressListener;
import io.papi.recommender.Ratings;
import io.papi.recommender.Recommender;
import io.papi.recommender.SyntheticData;
import io.papi.recommender.Titles;
import io.papi.recommender.UserRecommendations;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * Times EASE training plus top-10 scoring of every user on the default synthetic data (100,000 ratings, 943 users,
 * 1,682 items), and each other algorithm once. Prints wall-clock times and heap figures; run through
 * {@code recommender/bench/ease.sh} (which uses -Xmx1g). Usage: {@code EaseBenchmark [runs]} (default 5).
 *
 * <p>The first run includes JIT warm-up, as a one-shot CLI call would; later runs show steady state. Each run also
 * prints the process CPU time and the load average, since on a shared machine wall-clock time depends on what else
 * runs (with two cores and no competition, wall time is a little over half the CPU time). Peak heap is
 * the sum of the heap pools' peak usage since the JVM started (an upper bound: pools peak at different moments).
 */
public final class EaseBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(
                Locale.ROOT,
                "java %s, %d cores, max heap %d MiB, load average %.2f%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long g0 = System.nanoTime();
        SyntheticData data = SyntheticData.generate();
        System.out.printf(
                Locale.ROOT, "generate synthetic data (%s): %d ms%n", data.ratings(), ms(System.nanoTime() - g0));
        Ratings ratings = data.ratings();
        Titles titles = data.titles();

        long best = Long.MAX_VALUE;
        for (int run = 1; run <= runs; run++) {
            long c0 = cpuNanos();
            double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long t0 = System.nanoTime();
            Recommender ease = Recommender.train(ratings, Algorithm.EASE, Parameters.defaults(), ProgressListener.NONE);
            long t1 = System.nanoTime();
            List<UserRecommendations> recs = ease.recommendAll(10, titles, ProgressListener.NONE);
            long t2 = System.nanoTime();
            check(recs, ratings.userCount());
            best = Math.min(best, t2 - t0);
            System.out.printf(
                    Locale.ROOT,
                    "EASE run %d: train %d ms + top-10 for %d users %d ms = %d ms"
                            + " (process CPU %d ms, load average %.1f)%n",
                    run,
                    ms(t1 - t0),
                    recs.size(),
                    ms(t2 - t1),
                    ms(t2 - t0),
                    ms(cpuNanos() - c0),
                    load0);
        }
        System.out.printf(Locale.ROOT, "EASE best of %d: %d ms (target <= 3000 ms)%n", runs, ms(best));

        for (Algorithm a : new Algorithm[] {Algorithm.ITEMKNN, Algorithm.NOTEBOOK, Algorithm.POPULAR}) {
            long t0 = System.nanoTime();
            Recommender rec = Recommender.train(ratings, a, Parameters.defaults(), ProgressListener.NONE);
            long t1 = System.nanoTime();
            List<UserRecommendations> recs = rec.recommendAll(a.defaultTopN(), titles, ProgressListener.NONE);
            long t2 = System.nanoTime();
            check(recs, ratings.userCount());
            System.out.printf(
                    Locale.ROOT,
                    "%s once: train %d ms + top-%d for %d users %d ms = %d ms%n",
                    a.key(),
                    ms(t1 - t0),
                    a.defaultTopN(),
                    recs.size(),
                    ms(t2 - t1),
                    ms(t2 - t0));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "peak heap used: %d MiB (sum of heap pool peaks) of %d MiB max%n",
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Keeps the work from being optimised away and catches a broken run. */
    private static void check(List<UserRecommendations> recs, int users) {
        if (recs.size() != users || recs.stream().anyMatch(u -> u.items().isEmpty())) {
            throw new IllegalStateException("expected recommendations for all " + users + " users");
        }
    }

    /** CPU time of this process on all cores: shows the work done, whatever else the machine is running. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
