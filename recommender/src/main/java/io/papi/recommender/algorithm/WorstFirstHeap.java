package io.papi.recommender.algorithm;

/**
 * A binary heap of (score, item) pairs in two parallel arrays whose root is the worst pair kept: the bounded
 * "best k" selection of {@link TopItems} and {@link ItemKnnModel}. A pair is better with a higher score, and on a
 * tie with a lower item index, so every selection is deterministic.
 */
final class WorstFirstHeap {
    private WorstFirstHeap() {}

    /** True when (sa, ia) ranks below (sb, ib). */
    static boolean worse(float sa, int ia, float sb, int ib) {
        return sa < sb || (sa == sb && ia > ib);
    }

    /** Restores the heap after the pair at {@code k} was added at the end. */
    static void siftUp(float[] scores, int[] items, int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!worse(scores[k], items[k], scores[parent], items[parent])) {
                return;
            }
            swap(scores, items, k, parent);
            k = parent;
        }
    }

    /** Restores the heap of {@code size} pairs after its root was replaced. */
    static void siftDown(float[] scores, int[] items, int size) {
        int k = 0;
        while (true) {
            int l = 2 * k + 1;
            if (l >= size) {
                return;
            }
            int r = l + 1;
            int worst = r < size && worse(scores[r], items[r], scores[l], items[l]) ? r : l;
            if (!worse(scores[worst], items[worst], scores[k], items[k])) {
                return;
            }
            swap(scores, items, k, worst);
            k = worst;
        }
    }

    private static void swap(float[] scores, int[] items, int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int i = items[a];
        items[a] = items[b];
        items[b] = i;
    }
}
