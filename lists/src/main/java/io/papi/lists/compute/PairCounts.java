package io.papi.lists.compute;

/**
 * How many baskets hold each item and each unordered pair of items: an open-addressing table from
 * {@code (low << 32) | high} to a count, since a map of boxed longs costs about ten times the memory.
 */
final class PairCounts {
    private long[] keys = new long[1 << 12];
    private int[] counts = new int[1 << 12];
    private int size;
    private int[] itemCounts = new int[16];
    private int baskets;

    /** Adds one basket: distinct item ids, in any order. Each pair in it counts once. */
    void addBasket(int[] items, int length) {
        baskets++;
        for (int i = 0; i < length; i++) {
            int a = items[i];
            if (a >= itemCounts.length) {
                itemCounts = java.util.Arrays.copyOf(itemCounts, Math.max(a + 1, itemCounts.length * 2));
            }
            itemCounts[a]++;
            for (int j = i + 1; j < length; j++) {
                int b = items[j];
                increment(a < b ? pair(a, b) : pair(b, a));
            }
        }
    }

    int baskets() {
        return baskets;
    }

    int itemCount(int item) {
        return item < itemCounts.length ? itemCounts[item] : 0;
    }

    /** Calls {@code visitor} once per pair seen, low id first. */
    void forEachPair(PairVisitor visitor) {
        for (int k = 0; k < keys.length; k++) {
            if (counts[k] != 0) {
                long key = keys[k];
                visitor.visit((int) (key >>> 32), (int) key, counts[k]);
            }
        }
    }

    interface PairVisitor {
        void visit(int low, int high, int together);
    }

    private static long pair(int low, int high) {
        return ((long) low << 32) | (high & 0xffffffffL);
    }

    private void increment(long key) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (counts[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (counts[slot] == 0) {
            keys[slot] = key;
            size++;
        }
        counts[slot]++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldCounts.length * 2];
        int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldCounts[k] != 0) {
                int slot = mix(oldKeys[k]) & mask;
                while (counts[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[k];
                counts[slot] = oldCounts[k];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
