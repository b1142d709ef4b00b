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
 * }</pre>
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
public final class ApiConfig {

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
        /** 302 to {@link ApiConfig#loginUrl()}, as the SPCS ingress answers a browser without a session. */
        REDIRECT_302
    }

    private final String host;
    private final int port;
    private final Duration cacheTtl;
    private final long cacheMaxSize;
    private final IdMode idMode;
    private final int maxIds;
    private final int maxIdLength;
    private final Duration storeTimeout;
    private final int storeConcurrency;
    private final UnauthorizedMode unauthorizedMode;
    private final String loginUrl;
    private final int maxThreads;
    private final int acceptors;
    private final int selectors;

    private ApiConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.cacheTtl = b.cacheTtl;
        this.cacheMaxSize = b.cacheMaxSize;
        this.idMode = b.idMode;
        this.maxIds = b.maxIds;
        this.maxIdLength = b.maxIdLength;
        this.storeTimeout = b.storeTimeout;
        this.storeConcurrency = b.storeConcurrency;
        this.unauthorizedMode = b.unauthorizedMode;
        this.loginUrl = b.loginUrl;
        this.maxThreads = b.maxThreads;
        this.acceptors = b.acceptors;
        this.selectors = b.selectors;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's settings, to change a few. */
    public Builder toBuilder() {
        return new Builder()
                .host(host).port(port).cacheTtl(cacheTtl).cacheMaxSize(cacheMaxSize).idMode(idMode)
                .maxIds(maxIds).maxIdLength(maxIdLength).storeTimeout(storeTimeout)
                .storeConcurrency(storeConcurrency).unauthorizedMode(unauthorizedMode).loginUrl(loginUrl)
                .maxThreads(maxThreads).acceptors(acceptors).selectors(selectors);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** True when {@link #cacheTtl()} is zero: every lookup goes to the store. */
    public boolean cacheDisabled() {
        return cacheTtl.isZero();
    }

    public long cacheMaxSize() {
        return cacheMaxSize;
    }

    public IdMode idMode() {
        return idMode;
    }

    public int maxIds() {
        return maxIds;
    }

    public int maxIdLength() {
        return maxIdLength;
    }

    public Duration storeTimeout() {
        return storeTimeout;
    }

    public int storeConcurrency() {
        return storeConcurrency;
    }

    public UnauthorizedMode unauthorizedMode() {
        return unauthorizedMode;
    }

    /** The login page REDIRECT_302 sends callers to; null in STATUS_401 mode when none was given. */
    public String loginUrl() {
        return loginUrl;
    }

    public int maxThreads() {
        return maxThreads;
    }

    public int acceptors() {
        return acceptors;
    }

    public int selectors() {
        return selectors;
    }

    @Override
    public String toString() {
        return "ApiConfig{host=" + host + ", port=" + port + ", cacheTtl=" + cacheTtl + ", cacheMaxSize="
                + cacheMaxSize + ", idMode=" + idMode + ", maxIds=" + maxIds + ", maxIdLength=" + maxIdLength
                + ", storeTimeout=" + storeTimeout + ", storeConcurrency=" + storeConcurrency
                + ", unauthorizedMode=" + unauthorizedMode + ", loginUrl=" + loginUrl
                + ", maxThreads=" + maxThreads + ", acceptors=" + acceptors + ", selectors=" + selectors + "}";
    }

    /** Collects settings; {@link #build()} checks them all and names the first one that is wrong. */
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

        private Builder() {
        }

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
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank (use 0.0.0.0 for every interface)");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535 (was " + port + ")");
            }
            if (cacheTtl.isNegative()) {
                throw new IllegalArgumentException("cacheTtl must not be negative (was " + cacheTtl
                        + "); use 0 to turn the cache off");
            }
            if (cacheMaxSize < 1) {
                throw new IllegalArgumentException("cacheMaxSize must be at least 1 (was " + cacheMaxSize
                        + "); use cacheTtl 0 to turn the cache off");
            }
            if (maxIds < 1 || maxIds > 10_000) {
                throw new IllegalArgumentException("maxIds must be between 1 and 10000 (was " + maxIds + ")");
            }
            if (maxIdLength < 1 || maxIdLength > 256) {
                throw new IllegalArgumentException("maxIdLength must be between 1 and 256 (was " + maxIdLength + ")");
            }
            if (storeTimeout.isNegative() || storeTimeout.isZero()) {
                throw new IllegalArgumentException("storeTimeout must be positive (was " + storeTimeout + ")");
            }
            if (storeConcurrency < 1) {
                throw new IllegalArgumentException("storeConcurrency must be at least 1 (was " + storeConcurrency + ")");
            }
            if (acceptors < 1 || acceptors > 16) {
                throw new IllegalArgumentException("acceptors must be between 1 and 16 (was " + acceptors + ")");
            }
            if (selectors < 1 || selectors > 64) {
                throw new IllegalArgumentException("selectors must be between 1 and 64 (was " + selectors + ")");
            }
            if (maxThreads < acceptors + selectors + 4) {
                // acceptors and selectors hold their threads for good; requests need some left
                throw new IllegalArgumentException("maxThreads must be at least acceptors + selectors + 4 = "
                        + (acceptors + selectors + 4) + " (was " + maxThreads + ")");
            }
            if (unauthorizedMode == UnauthorizedMode.REDIRECT_302) {
                if (loginUrl == null || loginUrl.isBlank()) {
                    throw new IllegalArgumentException("loginUrl is required when unauthorizedMode is REDIRECT_302");
                }
                checkLoginUrl(loginUrl);
            }
            return new ApiConfig(this);
        }

        private static void checkLoginUrl(String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("loginUrl is not a valid URL: " + url);
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("loginUrl must be an absolute http(s) URL (was " + url + ")");
            }
        }
    }
}
