package io.papi.lists.compute;

import io.papi.lists.Interaction;
import io.papi.lists.ListOptions;
import io.papi.lists.ScoredItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The item-to-item lists: for each seed item, the items that co-occur with it, the seed itself never among them. */
public final class ItemToItemLists {
    /** How much of "similar" comes from shared genres, where both items have genres. */
    public static final double GENRE_WEIGHT = 0.2;

    private ItemToItemLists() {}

    /**
     * Frequently bought together: pairs in at least {@code minSupport} transactions, scored by lift
     * {@code T * n(a,b) / (n(a) n(b))} or cosine {@code n(a,b) / sqrt(n(a) n(b))}; ties broken by support.
     */
    public static Map<String, List<ScoredItem>> boughtTogether(
            List<Interaction> rows, int minSupport, ListOptions.Measure measure, int size, int maxBasket) {
        ItemIndex index = new ItemIndex();
        PairCounts counts = Baskets.transactions(rows, index, maxBasket);
        double total = counts.baskets();
        return rank(counts, index, size, (a, b, together) -> {
            if (together < minSupport) {
                return Double.NaN;
            }
            double na = counts.itemCount(a);
            double nb = counts.itemCount(b);
            return measure == ListOptions.Measure.LIFT ? total * together / (na * nb) : together / Math.sqrt(na * nb);
        });
    }

    /**
     * Customers who viewed X also viewed: views within one session, each pair once per session, scored by Jaccard
     * {@code n(a,b) / (n(a) + n(b) - n(a,b))} over sessions, kept from {@code threshold} up.
     */
    public static Map<String, List<ScoredItem>> alsoViewed(
            List<Interaction> rows, Duration sessionGap, double threshold, int size, int maxBasket) {
        ItemIndex index = new ItemIndex();
        PairCounts counts = Baskets.sessions(rows, index, sessionGap, maxBasket);
        return rank(counts, index, size, (a, b, together) -> {
            double jaccard = together / (double) (counts.itemCount(a) + counts.itemCount(b) - together);
            return jaccard >= threshold ? jaccard : Double.NaN;
        });
    }

    /**
     * Because you watched X / more like X: item-kNN, the cosine of two items' user sets, top {@code neighbours};
     * where both items have genres, {@link #GENRE_WEIGHT} of the score is the Jaccard of their genre sets.
     */
    public static Map<String, List<ScoredItem>> similar(
            List<Interaction> rows, Map<String, Set<String>> genres, int neighbours, int maxBasket) {
        ItemIndex index = new ItemIndex();
        PairCounts counts = Baskets.users(rows, index, maxBasket);
        return rank(counts, index, neighbours, (a, b, together) -> {
            double cosine = together / Math.sqrt((double) counts.itemCount(a) * counts.itemCount(b));
            Set<String> ga = genres.get(index.name(a));
            Set<String> gb = genres.get(index.name(b));
            if (ga == null || gb == null || ga.isEmpty() || gb.isEmpty()) {
                return cosine;
            }
            Set<String> both = new HashSet<>(ga);
            both.retainAll(gb);
            double jaccard = both.size() / (double) (ga.size() + gb.size() - both.size());
            return (1 - GENRE_WEIGHT) * cosine + GENRE_WEIGHT * jaccard;
        });
    }

    /** A symmetric pair score; NaN drops the pair. */
    private interface PairScore {
        double score(int a, int b, int together);
    }

    private static Map<String, List<ScoredItem>> rank(PairCounts counts, ItemIndex index, int size, PairScore score) {
        List<List<Ranking.Candidate>> candidates = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            candidates.add(null);
        }
        counts.forEachPair((a, b, together) -> {
            double s = score.score(a, b, together);
            if (Double.isNaN(s)) {
                return;
            }
            add(candidates, a, new Ranking.Candidate(index.name(b), s, together));
            add(candidates, b, new Ranking.Candidate(index.name(a), s, together));
        });
        Map<String, List<ScoredItem>> lists = new TreeMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i) != null) {
                lists.put(index.name(i), Ranking.top(candidates.get(i), size));
            }
        }
        return new LinkedHashMap<>(lists);
    }

    private static void add(List<List<Ranking.Candidate>> candidates, int item, Ranking.Candidate candidate) {
        List<Ranking.Candidate> list = candidates.get(item);
        if (list == null) {
            list = new ArrayList<>();
            candidates.set(item, list);
        }
        list.add(candidate);
    }
}
