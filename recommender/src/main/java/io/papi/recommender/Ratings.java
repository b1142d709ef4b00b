package io.papi.recommender;

import java.util.Arrays;

/**
 * An immutable set of explicit ratings held in compact arrays, grouped by user (compressed sparse rows).
 *
 * <p>Users and items are addressed two ways: by their external id (a {@code long}, as in MovieLens and the guide's
 * tables) and by a dense index ({@code 0..userCount()-1}, {@code 0..itemCount()-1}) assigned in ascending id order,
 * so comparing indexes compares ids. The ratings of user {@code u} occupy positions {@code start(u)} (inclusive) to
 * {@code end(u)} (exclusive), ordered by item index; read them with {@link #item}, {@link #value} and
 * {@link #timestamp}. A user rates an item at most once.
 */
public final class Ratings {

    /** Timestamp value of a rating whose source gave none. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final long[] userIds;
    private final long[] itemIds;
    private final int[] userStart;
    private final int[] items;
    private final float[] values;
    private final long[] timestamps;

    private Ratings(long[] userIds, long[] itemIds, int[] userStart, int[] items, float[] values, long[] timestamps) {
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.userStart = userStart;
        this.items = items;
        this.values = values;
        this.timestamps = timestamps;
    }

    /** Starts an empty set of ratings. */
    public static Builder builder() {
        return new Builder();
    }

    public int userCount() {
        return userIds.length;
    }

    public int itemCount() {
        return itemIds.length;
    }

    /** Number of ratings. */
    public int size() {
        return items.length;
    }

    public long userId(int userIndex) {
        return userIds[userIndex];
    }

    public long itemId(int itemIndex) {
        return itemIds[itemIndex];
    }

    /** The index of a user id, or -1 when the user has no ratings here. */
    public int userIndex(long userId) {
        int i = Arrays.binarySearch(userIds, userId);
        return i >= 0 ? i : -1;
    }

    /** The index of an item id, or -1 when the item has no ratings here. */
    public int itemIndex(long itemId) {
        int i = Arrays.binarySearch(itemIds, itemId);
        return i >= 0 ? i : -1;
    }

    /** First rating position of a user. */
    public int start(int userIndex) {
        return userStart[userIndex];
    }

    /** One past the last rating position of a user. */
    public int end(int userIndex) {
        return userStart[userIndex + 1];
    }

    /** Item index of the rating at a position. */
    public int item(int position) {
        return items[position];
    }

    /** Rating value at a position. */
    public float value(int position) {
        return values[position];
    }

    /** Epoch seconds of the rating at a position, or {@link #NO_TIMESTAMP}. */
    public long timestamp(int position) {
        return timestamps[position];
    }

    /** All user ids, ascending (a copy). */
    public long[] userIds() {
        return userIds.clone();
    }

    /** All item ids, ascending (a copy). */
    public long[] itemIds() {
        return itemIds.clone();
    }

    /**
     * The ratings at the positions where {@code keep} is true, with the same user and item indexes as this set, so
     * that models trained on a subset (a training split) address the same items as the full set. Users or items
     * left with no ratings keep their index.
     */
    public Ratings select(boolean[] keep) {
        if (keep.length != items.length) {
            throw new IllegalArgumentException("keep has " + keep.length + " flags for " + items.length + " ratings");
        }
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        int[] start = new int[userIds.length + 1];
        int[] it = new int[n];
        float[] va = new float[n];
        long[] ts = new long[n];
        int w = 0;
        for (int u = 0; u < userIds.length; u++) {
            start[u] = w;
            for (int p = userStart[u]; p < userStart[u + 1]; p++) {
                if (keep[p]) {
                    it[w] = items[p];
                    va[w] = values[p];
                    ts[w] = timestamps[p];
                    w++;
                }
            }
        }
        start[userIds.length] = w;
        return new Ratings(userIds, itemIds, start, it, va, ts);
    }

    /** Number of ratings per item index. */
    public int[] itemCounts() {
        int[] counts = new int[itemIds.length];
        for (int item : items) {
            counts[item]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "Ratings[users=" + userCount() + ", items=" + itemCount() + ", ratings=" + size() + "]";
    }

    /**
     * Collects ratings in any order. When the same user rates the same item twice, the rating added last wins, as a
     * re-rating replaces the earlier one.
     */
    public static final class Builder {
        private long[] users = new long[1024];
        private long[] itemsAdded = new long[1024];
        private float[] vals = new float[1024];
        private long[] times = new long[1024];
        private int size;
        private int duplicates = -1;

        private Builder() {}

        public Builder add(long userId, long itemId, float value, long epochSecond) {
            if (size == users.length) {
                int cap = size * 2;
                users = Arrays.copyOf(users, cap);
                itemsAdded = Arrays.copyOf(itemsAdded, cap);
                vals = Arrays.copyOf(vals, cap);
                times = Arrays.copyOf(times, cap);
            }
            users[size] = userId;
            itemsAdded[size] = itemId;
            vals[size] = value;
            times[size] = epochSecond;
            size++;
            return this;
        }

        /** Ratings added so far, duplicates included. */
        public int size() {
            return size;
        }

        /** How many added ratings the last {@link #build()} dropped because a later one replaced them. */
        public int duplicatesReplaced() {
            if (duplicates < 0) {
                throw new IllegalStateException("build() has not been called");
            }
            return duplicates;
        }

        public Ratings build() {
            long[] userIds = distinctSorted(users, size);
            long[] itemIds = distinctSorted(itemsAdded, size);
            int[] u = new int[size];
            int[] i = new int[size];
            for (int k = 0; k < size; k++) {
                u[k] = Arrays.binarySearch(userIds, users[k]);
                i[k] = Arrays.binarySearch(itemIds, itemsAdded[k]);
            }
            // Two stable counting sorts (by item, then by user) order by (user, item) and keep insertion order
            // within a pair, so the last rating of a duplicated pair is the last of its run.
            int[] byItem = countingSort(identity(size), i, itemIds.length);
            int[] order = countingSort(byItem, u, userIds.length);
            int kept = 0;
            int[] keep = new int[size];
            for (int k = 0; k < size; k++) {
                int cur = order[k];
                boolean lastOfRun = k + 1 == size || u[order[k + 1]] != u[cur] || i[order[k + 1]] != i[cur];
                if (lastOfRun) {
                    keep[kept++] = cur;
                }
            }
            duplicates = size - kept;
            int[] start = new int[userIds.length + 1];
            int[] it = new int[kept];
            float[] va = new float[kept];
            long[] ts = new long[kept];
            for (int k = 0; k < kept; k++) {
                int src = keep[k];
                start[u[src] + 1]++;
                it[k] = i[src];
                va[k] = vals[src];
                ts[k] = times[src];
            }
            for (int k = 0; k < userIds.length; k++) {
                start[k + 1] += start[k];
            }
            return new Ratings(userIds, itemIds, start, it, va, ts);
        }

        private static long[] distinctSorted(long[] a, int n) {
            long[] s = Arrays.copyOf(a, n);
            Arrays.sort(s);
            int w = 0;
            for (int k = 0; k < n; k++) {
                if (w == 0 || s[w - 1] != s[k]) {
                    s[w++] = s[k];
                }
            }
            return Arrays.copyOf(s, w);
        }

        private static int[] identity(int n) {
            int[] a = new int[n];
            for (int k = 0; k < n; k++) {
                a[k] = k;
            }
            return a;
        }

        private static int[] countingSort(int[] order, int[] key, int keys) {
            int[] count = new int[keys + 1];
            for (int k : order) {
                count[key[k] + 1]++;
            }
            for (int k = 0; k < keys; k++) {
                count[k + 1] += count[k];
            }
            int[] out = new int[order.length];
            for (int k : order) {
                out[count[key[k]]++] = k;
            }
            return out;
        }
    }
}
