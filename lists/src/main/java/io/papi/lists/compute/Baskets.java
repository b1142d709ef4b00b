package io.papi.lists.compute;

import io.papi.lists.EventType;
import io.papi.lists.Interaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups interactions into the baskets co-occurrence is counted over, as sets of distinct items (so each pair counts
 * once per basket), each cut to its first {@code maxItems} items in time order to bound the pairs a huge basket makes.
 */
final class Baskets {
    private Baskets() {}

    /**
     * Transactions: the interactions datasets carry no transaction id, so one user's purchases with the same
     * timestamp are one transaction (Snowplow records a transaction as one event, its products sharing its time).
     */
    static PairCounts transactions(List<Interaction> rows, ItemIndex index, int maxItems) {
        Map<String, Map<Long, Set<Integer>>> byUser = new HashMap<>();
        for (Interaction row : sortedByTime(rows, EventType.PURCHASE)) {
            byUser.computeIfAbsent(row.user(), k -> new HashMap<>())
                    .computeIfAbsent(row.epochSeconds(), k -> new LinkedHashSet<>())
                    .add(index.of(row.item()));
        }
        PairCounts counts = new PairCounts();
        int[] buffer = new int[maxItems];
        for (Map<Long, Set<Integer>> transactions : byUser.values()) {
            for (Set<Integer> basket : transactions.values()) {
                add(counts, basket, buffer);
            }
        }
        return counts;
    }

    /** Sessions: one user's views, a new session after {@code gap} without one (Snowplow's session timeout). */
    static PairCounts sessions(List<Interaction> rows, ItemIndex index, Duration gap, int maxItems) {
        Map<String, List<Interaction>> byUser = new HashMap<>();
        for (Interaction row : sortedByTime(rows, EventType.VIEW)) {
            byUser.computeIfAbsent(row.user(), k -> new ArrayList<>()).add(row);
        }
        PairCounts counts = new PairCounts();
        int[] buffer = new int[maxItems];
        long gapSeconds = gap.toSeconds();
        for (List<Interaction> views : byUser.values()) {
            Set<Integer> session = new LinkedHashSet<>();
            long last = Long.MIN_VALUE;
            for (Interaction view : views) {
                if (!session.isEmpty() && view.epochSeconds() - last > gapSeconds) {
                    add(counts, session, buffer);
                    session.clear();
                }
                session.add(index.of(view.item()));
                last = view.epochSeconds();
            }
            if (!session.isEmpty()) {
                add(counts, session, buffer);
            }
        }
        return counts;
    }

    /** Each user's distinct items, any event type: the user-item matrix item-kNN works on. */
    static PairCounts users(List<Interaction> rows, ItemIndex index, int maxItems) {
        Map<String, Set<Integer>> byUser = new HashMap<>();
        for (Interaction row : sortedByTime(rows, null)) {
            byUser.computeIfAbsent(row.user(), k -> new LinkedHashSet<>()).add(index.of(row.item()));
        }
        PairCounts counts = new PairCounts();
        int[] buffer = new int[maxItems];
        for (Set<Integer> items : byUser.values()) {
            add(counts, items, buffer);
        }
        return counts;
    }

    private static List<Interaction> sortedByTime(List<Interaction> rows, EventType only) {
        List<Interaction> kept = new ArrayList<>();
        for (Interaction row : rows) {
            if (only == null || row.type() == only) {
                kept.add(row);
            }
        }
        kept.sort(Comparator.comparingLong(Interaction::epochSeconds));
        return kept;
    }

    private static void add(PairCounts counts, Set<Integer> basket, int[] buffer) {
        int n = 0;
        for (int item : basket) {
            if (n == buffer.length) {
                break;
            }
            buffer[n++] = item;
        }
        counts.addBasket(buffer, n);
    }
}
