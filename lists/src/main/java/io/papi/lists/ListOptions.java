package io.papi.lists;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The knobs of {@link RecipeLists#compute}. Defaults: 100 items a list; popularity over the whole input, no decay;
 * trending over 1 day, at least 5 interactions in the latest interval; bought-together with support 2 by lift;
 * also-viewed with Jaccard 0.01 or more; sessions end after 30 minutes without a view (Snowplow's default session
 * timeout); 50 neighbours per item for "similar"; baskets and sessions are cut to their first 100 distinct items.
 */
public record ListOptions(
        int size,
        Duration window,
        Duration halfLife,
        Duration trendInterval,
        int trendMinCount,
        int minSupport,
        Measure measure,
        double jaccardThreshold,
        Duration sessionGap,
        int neighbours,
        int maxBasket) {

    /** How bought-together scores a pair. */
    public enum Measure {
        LIFT,
        COSINE
    }

    public ListOptions {
        Objects.requireNonNull(trendInterval, "trendInterval");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(sessionGap, "sessionGap");
        require(size >= 1, "a list holds at least 1 item (got " + size + ")");
        require(window == null || !window.isNegative() && !window.isZero(), "the popularity window must be positive");
        require(halfLife == null || !halfLife.isNegative() && !halfLife.isZero(), "the half-life must be positive");
        require(!trendInterval.isNegative() && !trendInterval.isZero(), "the trend interval must be positive");
        require(trendMinCount >= 1, "the trending minimum count is at least 1 (got " + trendMinCount + ")");
        require(minSupport >= 1, "the minimum support is at least 1 transaction (got " + minSupport + ")");
        require(
                jaccardThreshold >= 0 && jaccardThreshold <= 1,
                "the Jaccard threshold is between 0 and 1 (got " + jaccardThreshold + ")");
        require(neighbours >= 1, "neighbours is at least 1 (got " + neighbours + ")");
        require(maxBasket >= 2, "a basket or session keeps at least 2 items (got " + maxBasket + ")");
    }

    public static ListOptions defaults() {
        return new ListOptions(
                100, null, null, Duration.ofDays(1), 5, 2, Measure.LIFT, 0.01, Duration.ofMinutes(30), 50, 100);
    }

    public ListOptions withSize(int n) {
        return with(d -> d.size = n);
    }

    public ListOptions withPopularity(Duration newWindow, Duration newHalfLife) {
        return with(d -> {
            d.window = newWindow;
            d.halfLife = newHalfLife;
        });
    }

    public ListOptions withTrending(Duration interval, int minCount) {
        return with(d -> {
            d.trendInterval = interval;
            d.trendMinCount = minCount;
        });
    }

    public ListOptions withBoughtTogether(int support, Measure newMeasure) {
        return with(d -> {
            d.minSupport = support;
            d.measure = newMeasure;
        });
    }

    public ListOptions withAlsoViewed(double threshold) {
        return with(d -> d.jaccardThreshold = threshold);
    }

    /** A copy with {@code change} applied, checked as any new options are. */
    private ListOptions with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.options();
    }

    /** The fields of a copy while a wither changes some of them. */
    private static final class Draft {
        int size;
        Duration window;
        Duration halfLife;
        Duration trendInterval;
        int trendMinCount;
        int minSupport;
        Measure measure;
        double jaccardThreshold;
        Duration sessionGap;
        int neighbours;
        int maxBasket;

        Draft(ListOptions o) {
            size = o.size;
            window = o.window;
            halfLife = o.halfLife;
            trendInterval = o.trendInterval;
            trendMinCount = o.trendMinCount;
            minSupport = o.minSupport;
            measure = o.measure;
            jaccardThreshold = o.jaccardThreshold;
            sessionGap = o.sessionGap;
            neighbours = o.neighbours;
            maxBasket = o.maxBasket;
        }

        ListOptions options() {
            return new ListOptions(
                    size,
                    window,
                    halfLife,
                    trendInterval,
                    trendMinCount,
                    minSupport,
                    measure,
                    jaccardThreshold,
                    sessionGap,
                    neighbours,
                    maxBasket);
        }
    }

    /** The trending intervals the CLI offers: 30m, 1h, 3h, 1d. */
    public static Duration trendInterval(String text) {
        return switch (text) {
            case "30m" -> Duration.ofMinutes(30);
            case "1h" -> Duration.ofHours(1);
            case "3h" -> Duration.ofHours(3);
            case "1d" -> Duration.ofDays(1);
            default ->
                throw new IllegalArgumentException(
                        "the trending interval is one of 30m, 1h, 3h, 1d (got " + text + ")");
        };
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
