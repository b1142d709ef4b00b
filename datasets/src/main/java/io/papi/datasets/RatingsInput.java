package io.papi.datasets;

import java.util.Map;

/**
 * Ratings as {@code papi recommend} reads them (MovieLens, the guide's files, papi's synthetic data), with what is
 * known of items and users. Timestamps are epoch seconds; {@link #NO_TIMESTAMP} where the source had none.
 *
 * @param items what is known of each item; empty when neither titles nor genres are known
 * @param users what is known of each user; empty when nothing is (the guide's files name users only)
 */
public record RatingsInput(
        long[] userIds,
        long[] itemIds,
        float[] values,
        long[] timestamps,
        Map<Long, Item> items,
        Map<Long, User> users) {
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** An item's title, genres joined by {@code |}, and release as epoch seconds; each may be null. */
    public record Item(String title, String genres, Long creationTimestamp) {}

    /** A user's age, gender and occupation; each may be null. */
    public record User(Integer age, String gender, String occupation) {}

    public RatingsInput {
        int n = userIds.length;
        if (itemIds.length != n || values.length != n || timestamps.length != n) {
            throw new IllegalArgumentException("ratings columns differ in length");
        }
        items = Map.copyOf(items);
        users = Map.copyOf(users);
    }

    public int size() {
        return userIds.length;
    }
}
