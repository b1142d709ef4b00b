package io.papi.lists.compute;

import io.papi.lists.EventType;
import io.papi.lists.Interaction;
import io.papi.lists.ScoredItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The global lists. "Now" is the latest timestamp in the input, not the clock, so that a list computed from last
 * month's datasets is the same today and tomorrow.
 */
public final class PopularLists {
    private PopularLists() {}

    /**
     * Items by distinct users with an event of {@code types} within {@code window} before now (null: all input).
     * With a half-life, each user counts {@code 2^(-age / halfLife)}, age taken from that user's latest event on
     * the item, so a user who viewed an item long ago counts less than one who viewed it today. Ties: more events.
     */
    public static List<ScoredItem> distinctUsers(
            List<Interaction> rows, Set<EventType> types, long now, Duration window, Duration halfLife, int size) {
        long from = window == null ? Long.MIN_VALUE : now - window.toSeconds();
        Map<String, Map<String, Long>> latestByUser = new HashMap<>();
        Map<String, long[]> events = new HashMap<>();
        for (Interaction row : rows) {
            if (!types.contains(row.type()) || row.epochSeconds() <= from) {
                continue;
            }
            latestByUser
                    .computeIfAbsent(row.item(), k -> new HashMap<>())
                    .merge(row.user(), row.epochSeconds(), Math::max);
            events.computeIfAbsent(row.item(), k -> new long[1])[0]++;
        }
        List<Ranking.Candidate> candidates = new ArrayList<>(latestByUser.size());
        for (Map.Entry<String, Map<String, Long>> item : latestByUser.entrySet()) {
            double score;
            if (halfLife == null) {
                score = item.getValue().size();
            } else {
                double half = halfLife.toSeconds();
                score = 0;
                for (long latest : item.getValue().values()) {
                    score += Math.pow(2, -(now - latest) / half);
                }
            }
            candidates.add(new Ranking.Candidate(item.getKey(), score, events.get(item.getKey())[0]));
        }
        return Ranking.top(candidates, size);
    }

    /** Best sellers: distinct buyers within the window; ties broken by quantity (purchase rows). */
    public static List<ScoredItem> bestSellers(List<Interaction> rows, long now, Duration window, int size) {
        return distinctUsers(rows, Set.of(EventType.PURCHASE), now, window, null, size);
    }

    /**
     * Trending now: interactions of any type in the latest interval {@code (now - I, now]} against the one before,
     * {@code (now - 2I, now - I]}. Only items with at least {@code minCount} in the latest interval that grew are
     * listed, scored {@code (latest - previous) / (previous + 1)}: the +1 lets a new item trend without dividing
     * by zero, and ranks 5 new interactions above 5 on top of 4.
     */
    public static List<ScoredItem> trending(
            List<Interaction> rows, long now, Duration interval, int minCount, int size) {
        long length = interval.toSeconds();
        long latestFrom = now - length;
        long previousFrom = now - 2 * length;
        Map<String, long[]> counts = new HashMap<>();
        for (Interaction row : rows) {
            long t = row.epochSeconds();
            if (t <= previousFrom || t > now) {
                continue;
            }
            counts.computeIfAbsent(row.item(), k -> new long[2])[t > latestFrom ? 0 : 1]++;
        }
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, long[]> item : counts.entrySet()) {
            long latest = item.getValue()[0];
            long previous = item.getValue()[1];
            if (latest >= minCount && latest > previous) {
                candidates.add(
                        new Ranking.Candidate(item.getKey(), (latest - previous) / (double) (previous + 1), latest));
            }
        }
        return Ranking.top(candidates, size);
    }

    /**
     * What each user interacted with, any event type, latest first, at most {@code size} items: the API removes
     * these from a list asked for with {@code ?user=}. The score is the user's number of events on the item.
     */
    public static Map<String, List<ScoredItem>> seen(List<Interaction> rows, int size) {
        Map<String, Map<String, long[]>> byUser = new HashMap<>();
        for (Interaction row : rows) {
            long[] c = byUser.computeIfAbsent(row.user(), k -> new HashMap<>())
                    .computeIfAbsent(row.item(), k -> new long[2]);
            c[0]++;
            c[1] = Math.max(c[1], row.epochSeconds());
        }
        Map<String, List<ScoredItem>> seen = new java.util.TreeMap<>();
        for (Map.Entry<String, Map<String, long[]>> user : byUser.entrySet()) {
            List<Ranking.Candidate> latestFirst = new ArrayList<>();
            for (Map.Entry<String, long[]> item : user.getValue().entrySet()) {
                latestFirst.add(new Ranking.Candidate(item.getKey(), item.getValue()[1], item.getValue()[0]));
            }
            List<ScoredItem> top = Ranking.top(latestFirst, size);
            List<ScoredItem> counted = new ArrayList<>(top.size());
            for (ScoredItem item : top) {
                counted.add(new ScoredItem(item.itemId(), user.getValue().get(item.itemId())[0]));
            }
            seen.put(user.getKey(), counted);
        }
        return seen;
    }
}
