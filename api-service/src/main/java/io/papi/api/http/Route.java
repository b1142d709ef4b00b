package io.papi.api.http;

/**
 * The API's routes, matched on the raw (still percent-encoded) path so that an encoded slash can never pass for
 * a path separator. The template is what metrics are tagged with, never the raw path.
 */
public enum Route {
    ROOT("/"),
    CUSTOMER("/customer/{ids}"),
    ITEM_SIMILAR("/item/{id}/similar", "similar"),
    ITEM_ALSO_VIEWED("/item/{id}/also-viewed", "also-viewed"),
    ITEM_BOUGHT_TOGETHER("/item/{id}/bought-together", "bought-together"),
    POPULAR_MOST_VIEWED("/popular/most-viewed", "most-viewed"),
    POPULAR_BEST_SELLERS("/popular/best-sellers", "best-sellers"),
    POPULAR_MOST_POPULAR("/popular/most-popular", "most-popular"),
    TRENDING("/trending", "trending"),
    RECOMMENDATIONS("/recommendations"),
    PERSONALIZE_RANKING("/personalize-ranking"),
    TEST_PAGE("/test"),
    HEALTH("/healthz"),
    READY("/readyz"),
    METRICS("/metrics"),
    UNMATCHED("unmatched");

    static final String CUSTOMER_PREFIX = "/customer/";
    static final String ITEM_PREFIX = "/item/";

    private final String template;
    /** The lists-table list this route serves, or null. */
    private final String list;

    Route(String template) {
        this(template, null);
    }

    Route(String template, String list) {
        this.template = template;
        this.list = list;
    }

    /** The list a list route serves ({@code similar}, {@code trending}, ...); null for other routes. */
    public String list() {
        return list;
    }

    /** True for the item-to-item routes, {@code /item/{id}/...}. */
    public boolean perItem() {
        return this == ITEM_SIMILAR || this == ITEM_ALSO_VIEWED || this == ITEM_BOUGHT_TOGETHER;
    }

    /** The Personalize-compatible routes take a JSON body by POST; every other route is GET (and HEAD). */
    public boolean takesPost() {
        return this == RECOMMENDATIONS || this == PERSONALIZE_RANKING;
    }

    public String template() {
        return template;
    }

    /**
     * Probes skip ingress auth: SPCS readiness probes reach the container port directly, without a token. So
     * does the static {@code /test} page, which holds no data: a browser can open it locally and paste a session
     * token into its token field, which the page then sends with each lookup. (In SPCS the ingress guards
     * every path, this one included.)
     */
    public boolean skipsIngressAuth() {
        return this == HEALTH || this == READY || this == TEST_PAGE;
    }

    public static Route of(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return ROOT;
        }
        if (rawPath.startsWith(CUSTOMER_PREFIX)) {
            return rawPath.indexOf('/', CUSTOMER_PREFIX.length()) < 0 ? CUSTOMER : UNMATCHED;
        }
        if (rawPath.startsWith(ITEM_PREFIX)) {
            return itemRoute(rawPath);
        }
        return switch (rawPath) {
            case "/customer" -> CUSTOMER;
            case "/popular/most-viewed" -> POPULAR_MOST_VIEWED;
            case "/popular/best-sellers" -> POPULAR_BEST_SELLERS;
            case "/popular/most-popular" -> POPULAR_MOST_POPULAR;
            case "/trending" -> TRENDING;
            case "/recommendations" -> RECOMMENDATIONS;
            case "/personalize-ranking" -> PERSONALIZE_RANKING;
            case "/test" -> TEST_PAGE;
            case "/healthz" -> HEALTH;
            case "/readyz" -> READY;
            case "/metrics" -> METRICS;
            default -> UNMATCHED;
        };
    }

    /** {@code /item/<id>/<list>} with one raw segment for the id (an encoded slash stays inside it). */
    private static Route itemRoute(String rawPath) {
        int slash = rawPath.lastIndexOf('/');
        if (slash < ITEM_PREFIX.length() || rawPath.indexOf('/', ITEM_PREFIX.length()) != slash) {
            return UNMATCHED;
        }
        return switch (rawPath.substring(slash)) {
            case "/similar" -> ITEM_SIMILAR;
            case "/also-viewed" -> ITEM_ALSO_VIEWED;
            case "/bought-together" -> ITEM_BOUGHT_TOGETHER;
            default -> UNMATCHED;
        };
    }

    /** The raw, still percent-encoded id of an {@code /item/{id}/...} path (empty for {@code /item//similar}). */
    static String itemSegment(String rawPath) {
        return rawPath.substring(ITEM_PREFIX.length(), rawPath.lastIndexOf('/'));
    }

    /** The ids segment of a {@link #CUSTOMER} path, still percent-encoded; empty for {@code /customer}. */
    static String idsSegment(String rawPath) {
        return rawPath.length() <= CUSTOMER_PREFIX.length() ? "" : rawPath.substring(CUSTOMER_PREFIX.length());
    }
}
