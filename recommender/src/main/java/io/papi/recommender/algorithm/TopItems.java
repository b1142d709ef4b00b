package io.papi.recommender.algorithm;

import java.util.Arrays;

/**
 * Picks the n best-scored indexes: higher score first, equal scores to the lower index (the lower id, since indexes
 * follow ids). A bounded heap whose root is the worst kept entry; indexes are scanned in ascending order, so a
 * newcomer only enters with a strictly higher score than the root.
 */
public final class TopItems {

    private TopItems() {}

    /**
     * @param scores   score per index
     * @param count    number of indexes to consider (0..count-1)
     * @param excluded indexes never picked (may be null)
     * @param n        how many to pick
     * @param positive pick only scores above zero
     * @return the picked indexes, best first (fewer than n when fewer qualify)
     */
    public static int[] select(float[] scores, int count, boolean[] excluded, int n, boolean positive) {
        if (n <= 0) {
            return new int[0];
        }
        float[] hs = new float[n];
        int[] hi = new int[n];
        int size = 0;
        for (int i = 0; i < count; i++) {
            if (excluded != null && excluded[i]) {
                continue;
            }
            float s = scores[i];
            if (Float.isNaN(s) || (positive && !(s > 0))) {
                continue;
            }
            if (size < n) {
                hs[size] = s;
                hi[size] = i;
                siftUp(hs, hi, size++);
            } else if (s > hs[0]) {
                hs[0] = s;
                hi[0] = i;
                siftDown(hs, hi, size);
            }
        }
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        Arrays.sort(
                order, (a, b) -> worse(hs[a], hi[a], hs[b], hi[b]) ? 1 : worse(hs[b], hi[b], hs[a], hi[a]) ? -1 : 0);
        int[] out = new int[size];
        for (int k = 0; k < size; k++) {
            out[k] = hi[order[k]];
        }
        return out;
    }

    /** True when (sa, ia) ranks below (sb, ib). */
    private static boolean worse(float sa, int ia, float sb, int ib) {
        return sa < sb || (sa == sb && ia > ib);
    }

    private static void siftUp(float[] hs, int[] hi, int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!worse(hs[k], hi[k], hs[parent], hi[parent])) {
                return;
            }
            swap(hs, hi, k, parent);
            k = parent;
        }
    }

    private static void siftDown(float[] hs, int[] hi, int size) {
        int k = 0;
        while (true) {
            int l = 2 * k + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            int r = l + 1;
            if (r < size && worse(hs[r], hi[r], hs[l], hi[l])) {
                worst = r;
            }
            if (!worse(hs[worst], hi[worst], hs[k], hi[k])) {
                return;
            }
            swap(hs, hi, k, worst);
            k = worst;
        }
    }

    private static void swap(float[] hs, int[] hi, int a, int b) {
        float s = hs[a];
        hs[a] = hs[b];
        hs[b] = s;
        int i = hi[a];
        hi[a] = hi[b];
        hi[b] = i;
    }
}
