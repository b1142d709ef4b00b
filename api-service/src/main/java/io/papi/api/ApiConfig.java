package io.papi.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the lookup API listens, checks ids, caches and waits for its store. Immutable; build with
 * {@link #builder()}, every setting has a default that suits production in SPCS.
 *
 * <pre>{@code
 * ApiConfig config = ApiConfig.builder().port(8001).cacheTtl(Duration.ofMinutes(3)).build();
 * Duration ttl = config.cache().ttl();
 * }</pre>
 *
 * <p>Settings come in small groups ({@link Cache}, {@link Ids}, {@link Store}, {@link Threads},
 * {@link Unauthorized}), each a record that checks its own values; each setting is declared once, as a component
 * of its group. The builder's setters keep the flat names below.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>host</td><td>127.0.0.1</td><td>address to bind; inside SPCS, whose ingress reaches the container port from outside, 0.0.0.0 (papi serve picks it there)</td></tr>
 *   <tr><td>port</td><td>8001</td><td>the guide's port; 0 picks a free one</td></tr>
 *   <tr><td>cacheTtl</td><td>180 s</td><td>how long one user's recommendations are served from memory; 0 turns the cache off</td></tr>
 *   <tr><td>cacheMaxSize</td><td>100,000</td><td>users kept in the cache at most</td></tr>
 *   <tr><td>idMode</td><td>NUMERIC</td><td>NUMERIC: ids are digits, rendered as JSON numbers; ALPHANUMERIC: letters and digits, rendered as strings</td></tr>
 *   <tr><td>maxIds</td><td>100</td><td>ids per request at most</td></tr>
 *   <tr><td>maxIdLength</td><td>256</td><td>characters per id at most (Personalize's limit on user and item ids)</td></tr>
 *   <tr><td>storeTimeout</td><td>2 s</td><td>a lookup not answered by then is answered 503</td></tr>
 *   <tr><td>storeConcurrency</td><td>16</td><td>store lookups running at once (threads; size the JDBC pool to match)</td></tr>
 *   <tr><td>unauthorizedMode</td><td>STATUS_401</td><td>STATUS_401: 401 JSON; REDIRECT_302: redirect to loginUrl as the SPCS ingress does</td></tr>
 *   <tr><td>loginUrl</td><td>none</td><td>where REDIRECT_302 sends the caller; required for that mode</td></tr>
 *   <tr><td>maxThreads</td><td>32</td><td>Jetty request threads at most (see docs/performance/api-service.md)</td></tr>
 *   <tr><td>acceptors</td><td>1</td><td>Jetty acceptor threads</td></tr>
 *   <tr><td>selectors</td><td>1</td><td>Jetty selector threads (one per core or two is plenty; measured on 2 cores)</td></tr>
 * </table>
 */
public record ApiConfig(
        String host, int port, Cache cache, Ids ids, Store store, Threads threads, Unauthorized unauthorized) {

    /** How ids look and how USER_ID is rendered in answers. */
    public enum IdMode {
        /** Digits only; leading zeros dropped; USER_ID rendered as a JSON number (the guide's NUMBER column). */
        NUMERIC,
        /** ASCII letters and digits; case kept; USER_ID rendered as a JSON string. */
        ALPHANUMERIC;

        /** The key type of a Snowflake table holding such ids: NUMBER for numeric ones, VARCHAR otherwise. */
        public io.papi.lookup.KeyType keyType() {
            return io.papi.lookup.KeyType.forNumericIds(this == NUMERIC);
        }
    }

    /** What an unauthenticated caller gets. */
    public enum UnauthorizedMode {
        /** 401 with {@code {"error": reason}}. */
        STATUS_401,
        /** 302 to {@link Unauthorized#loginUrl()}, as the SPCS ingress answers a browser without a session. */
        REDIRECT_302
    }

    /** Checks the address and that every group is there. */
    public ApiConfig {
        checkAddress(host, port);
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(unauthorized, "unauthorized");
    }

    private static void checkAddress(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank (use 0.0.0.0 for every interface)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 (was " + port + ")");
        }
    }

    /** The recommendation cache: {@code ttl} 0 turns it off; {@code maxEntries} users at most. */
    public record Cache(Duration ttl, long maxEntries) {
        public Cache {
            Objects.requireNonNull(ttl, "cacheTtl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException(
                        "cacheTtl must not be negative (was " + ttl + "); use 0 to turn the cache off");
            }
            if (maxEntries < 1) {
                throw new IllegalArgumentException("cacheMaxSize must be at least 1 (was " + maxEntries
                        + "); use cacheTtl 0 to turn the cache off");
            }
        }

        /** True when {@link #ttl()} is zero: every lookup goes to the store. */
        public boolean disabled() {
            return ttl.isZero();
        }
    }

    /** How ids look, and how many and how long a request may carry. */
    public record Ids(IdMode mode, int maxIds, int maxIdLength) {
        public Ids {
            Objects.requireNonNull(mode, "idMode");
            if (maxIds < 1 || maxIds > 10_000) {
                throw new IllegalArgumentException("maxIds must be between 1 and 10000 (was " + maxIds + ")");
            }
            if (maxIdLength < 1 || maxIdLength > 256) {
                throw new IllegalArgumentException("maxIdLength must be between 1 and 256 (was " + maxIdLength + ")");
            }
        }
    }

    /** How long a store lookup may take before a 503, and how many run at once. */
    public record Store(Duration timeout, int concurrency) {
        public Store {
            Objects.requireNonNull(timeout, "storeTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("storeTimeout must be positive (was " + timeout + ")");
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("storeConcurrency must be at least 1 (was " + concurrency + ")");
            }
        }
    }

    /** Jetty's threads: {@code max} request threads at most, of which acceptors and selectors hold some for good. */
    public record Threads(int max, int acceptors, int selectors) {
        public Threads {
            if (acceptors < 1 || acceptors > 16) {
                throw new IllegalArgumentException("acceptors must be between 1 and 16 (was " + acceptors + ")");
            }
            if (selectors < 1 || selectors > 64) {
                throw new IllegalArgumentException("selectors must be between 1 and 64 (was " + selectors + ")");
            }
            if (max < acceptors + selectors + 4) {
                // acceptors and selectors hold their threads for good; requests need some left
                throw new IllegalArgumentException("maxThreads must be at least acceptors + selectors + 4 = "
                        + (acceptors + selectors + 4) + " (was " + max + ")");
            }
        }
    }

    /**
     * What an unauthenticated caller gets; {@code loginUrl} is REDIRECT_302's target, required for that mode and
     * may be null otherwise.
     */
    public record Unauthorized(UnauthorizedMode mode, String loginUrl) {
        public Unauthorized {
            Objects.requireNonNull(mode, "unauthorizedMode");
            if (mode == UnauthorizedMode.REDIRECT_302) {
                if (loginUrl == null || loginUrl.isBlank()) {
                    throw new IllegalArgumentException("loginUrl is required when unauthorizedMode is REDIRECT_302");
                }
                checkLoginUrl(loginUrl);
            }
        }

        private static void checkLoginUrl(String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("loginUrl is not a valid URL: " + url);
            }
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("loginUrl must be an absolute http(s) URL (was " + url + ")");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's settings, to change a few. */
    public Builder toBuilder() {
        return new Builder()
                .host(host)
                .port(port)
                .cacheTtl(cache.ttl())
                .cacheMaxSize(cache.maxEntries())
                .idMode(ids.mode())
                .maxIds(ids.maxIds())
                .maxIdLength(ids.maxIdLength())
                .storeTimeout(store.timeout())
                .storeConcurrency(store.concurrency())
                .unauthorizedMode(unauthorized.mode())
                .loginUrl(unauthorized.loginUrl())
                .maxThreads(threads.max())
                .acceptors(threads.acceptors())
                .selectors(threads.selectors());
    }

    /**
     * Collects settings under their flat names; {@link #build()} makes the groups, which check them and name the
     * first one that is wrong.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8001;
        private Duration cacheTtl = Duration.ofSeconds(180);
        private long cacheMaxSize = 100_000;
        private IdMode idMode = IdMode.NUMERIC;
        private int maxIds = 100;
        private int maxIdLength = 256;
        private Duration storeTimeout = Duration.ofSeconds(2);
        private int storeConcurrency = 16;
        private UnauthorizedMode unauthorizedMode = UnauthorizedMode.STATUS_401;
        private String loginUrl;
        private int maxThreads = 32;
        private int acceptors = 1;
        private int selectors = 1;

        private Builder() {}

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
            return this;
        }

        public Builder cacheMaxSize(long cacheMaxSize) {
            this.cacheMaxSize = cacheMaxSize;
            return this;
        }

        public Builder idMode(IdMode idMode) {
            this.idMode = Objects.requireNonNull(idMode, "idMode");
            return this;
        }

        public Builder maxIds(int maxIds) {
            this.maxIds = maxIds;
            return this;
        }

        public Builder maxIdLength(int maxIdLength) {
            this.maxIdLength = maxIdLength;
            return this;
        }

        public Builder storeTimeout(Duration storeTimeout) {
            this.storeTimeout = Objects.requireNonNull(storeTimeout, "storeTimeout");
            return this;
        }

        public Builder storeConcurrency(int storeConcurrency) {
            this.storeConcurrency = storeConcurrency;
            return this;
        }

        public Builder unauthorizedMode(UnauthorizedMode unauthorizedMode) {
            this.unauthorizedMode = Objects.requireNonNull(unauthorizedMode, "unauthorizedMode");
            return this;
        }

        /** Sets REDIRECT_302's target; null clears it. */
        public Builder loginUrl(String loginUrl) {
            this.loginUrl = loginUrl;
            return this;
        }

        public Builder maxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
            return this;
        }

        public Builder acceptors(int acceptors) {
            this.acceptors = acceptors;
            return this;
        }

        public Builder selectors(int selectors) {
            this.selectors = selectors;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first setting that is out of range, with its value
         */
        public ApiConfig build() {
            checkAddress(host, port); // before the groups, so a wrong address is named first as it always was
            return new ApiConfig(
                    host,
                    port,
                    new Cache(cacheTtl, cacheMaxSize),
                    new Ids(idMode, maxIds, maxIdLength),
                    new Store(storeTimeout, storeConcurrency),
                    new Threads(maxThreads, acceptors, selectors),
                    new Unauthorized(unauthorizedMode, loginUrl));
        }
    }
}
