package io.papi.api.http;

/**
 * The API's routes, matched on the raw (still percent-encoded) path so that an encoded slash can never pass for
 * a path separator. The template is what metrics are tagged with, never the raw path.
 */
public enum Route {
    ROOT("/"),
    CUSTOMER("/customer/{ids}"),
    TEST_PAGE("/test"),
    HEALTH("/healthz"),
    READY("/readyz"),
    METRICS("/metrics"),
    UNMATCHED("unmatched");

    static final String CUSTOMER_PREFIX = "/customer/";

    private final String template;

    Route(String template) {
        this.template = template;
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
        return switch (rawPath) {
            case "/customer" -> CUSTOMER;
            case "/test" -> TEST_PAGE;
            case "/healthz" -> HEALTH;
            case "/readyz" -> READY;
            case "/metrics" -> METRICS;
            default -> UNMATCHED;
        };
    }

    /** The ids segment of a {@link #CUSTOMER} path, still percent-encoded; empty for {@code /customer}. */
    static String idsSegment(String rawPath) {
        return rawPath.length() <= CUSTOMER_PREFIX.length() ? "" : rawPath.substring(CUSTOMER_PREFIX.length());
    }
}
