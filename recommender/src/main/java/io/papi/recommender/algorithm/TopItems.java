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
                WorstFirstHeap.siftUp(hs, hi, size++);
            } else if (s > hs[0]) {
                hs[0] = s;
                hi[0] = i;
                WorstFirstHeap.siftDown(hs, hi, size);
            }
        }
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        Arrays.sort(
                order,
                (a, b) -> WorstFirstHeap.worse(hs[a], hi[a], hs[b], hi[b])
                        ? 1
                        : WorstFirstHeap.worse(hs[b], hi[b], hs[a], hi[a]) ? -1 : 0);
        int[] out = new int[size];
        for (int k = 0; k < size; k++) {
            out[k] = hi[order[k]];
        }
        return out;
    }
}
