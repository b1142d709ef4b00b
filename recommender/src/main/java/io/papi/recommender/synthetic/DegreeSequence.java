package io.papi.recommender.synthetic;

import java.util.Arrays;

/**
 * A long-tailed sequence of counts (ratings per user, or per item) with a given length, sum, floor, median and
 * maximum, built from a quantile function rather than drawn, so the published statistics hold exactly:
 * count(q) = floor + c·(q / (1 − q))^σ, a log-logistic tail, with c pinning the median and σ found by bisection
 * so that the counts sum to the total. Rounding leaves a small remainder, which is spread one unit at a time over
 * counts strictly between the median and the maximum.
 */
final class DegreeSequence {

    private DegreeSequence() {}

    /**
     * @param n         how many counts
     * @param total     their sum
     * @param lowCount  how many counts are pinned to {@code low} at the bottom (items rated once); 0 for none
     * @param low       the smallest count
     * @param median    the median count (of all n)
     * @param max       the largest count (exactly one count takes it when the tail allows)
     * @return counts in ascending order
     * @throws IllegalArgumentException when no sequence of this form meets the figures
     */
    static int[] of(int n, long total, int lowCount, int low, int median, int max) {
        int start = Math.max(lowCount, 1);
        double floor = lowCount > 0 ? low + 1 : low;
        double medianQ = quantile(n / 2, start, n);
        double lo = 0.01;
        double hi = 8;
        for (int iteration = 0; iteration < 100; iteration++) {
            double sigma = (lo + hi) / 2;
            if (sum(build(n, lowCount, low, floor, median, max, medianQ, sigma)) < total) {
                lo = sigma;
            } else {
                hi = sigma;
            }
        }
        int[] counts = build(n, lowCount, low, floor, median, max, medianQ, (lo + hi) / 2);
        long diff = total - sum(counts);
        for (int pass = 0; diff != 0 && pass < 10_000; pass++) {
            boolean moved = false;
            for (int k = n - 2; k > n / 2 && diff != 0; k--) {
                if (diff > 0 && counts[k] < max - 1) {
                    counts[k]++;
                    diff--;
                    moved = true;
                } else if (diff < 0 && counts[k] > median + 1) {
                    counts[k]--;
                    diff++;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        Arrays.sort(counts);
        if (diff != 0 || counts[0] != low || counts[n - 1] != max || medianOf(counts) != median) {
            throw new IllegalArgumentException("no long-tailed sequence of " + n + " counts sums to " + total
                    + " with minimum " + low + ", median " + median + " and maximum " + max);
        }
        return counts;
    }

    private static int[] build(
            int n, int lowCount, int low, double floor, int median, int max, double medianQ, double sigma) {
        int[] counts = new int[n];
        double c = (median - floor) / StrictMath.pow(odds(medianQ), sigma);
        int start = Math.max(lowCount, 1);
        Arrays.fill(counts, 0, start, low);
        for (int k = start; k < n; k++) {
            double v = floor + c * StrictMath.pow(odds(quantile(k, start, n)), sigma);
            counts[k] = (int) Math.max(floor, Math.min(max, StrictMath.rint(v)));
        }
        counts[n - 1] = max;
        return counts;
    }

    private static double quantile(int k, int start, int n) {
        return (k - start + 0.5) / (n - start);
    }

    private static double odds(double q) {
        return q / (1 - q);
    }

    static long sum(int[] counts) {
        long s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }

    /** The median of ascending counts; for an even length the mean of the middle two, rounded down. */
    static int medianOf(int[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
