package io.papi.broker;

import io.papi.broker.exchange.Credential;
import io.papi.broker.exchange.ErrorBody;
import io.papi.broker.exchange.ExchangeFailures;
import io.papi.broker.exchange.TokenBody;
import io.papi.broker.exchange.UnverifiedClaims;
import io.papi.serving.LoopbackNames;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchanges a key-pair JWT (or a programmatic access token) for a Snowpark Container Services session token:
 * {@code POST <token URL>} with {@code Content-Type: application/x-www-form-urlencoded} and exactly the fields
 * <ul>
 *   <li>{@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}, {@code scope=<scope>},
 *       {@code assertion=<JWT>}; or, for a PAT,</li>
 *   <li>{@code grant_type=urn:ietf:params:oauth:grant-type:token-exchange}, {@code scope=<scope>},
 *       {@code subject_token=<PAT>}, {@code subject_token_type=programmatic_access_token}.</li>
 * </ul>
 * Snowflake answers with the token as plain text (a JSON body with {@code access_token} is accepted too). The
 * token's lifetime is not documented: it is read from the token's own {@code exp} when the token is a JWT, else
 * from {@code expires_in}, else taken as {@link Builder#defaultTokenLifetime(Duration)}.
 *
 * <p>One attempt per call: redirects are not followed and OkHttp's silent retry is off, because a retry must carry
 * a freshly minted JWT (Snowflake refuses one more than 60 s past its {@code iat}); callers retry on
 * {@link TokenExchangeException.Kind#TRANSIENT}. Thread-safe.
 */
public final class TokenExchange {
    /** The grant that carries a key-pair JWT. */
    public static final String JWT_BEARER_GRANT = Credential.KEY_PAIR_JWT.grantType();
    /** The grant that carries a programmatic access token. */
    public static final String TOKEN_EXCHANGE_GRANT = Credential.PROGRAMMATIC_ACCESS_TOKEN.grantType();
    /** The {@code subject_token_type} of a programmatic access token. */
    public static final String PAT_TOKEN_TYPE = "programmatic_access_token";

    /** Tokens are at most a few kilobytes; a body past this is not read further. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TokenExchange.class);
    private static final String USER_AGENT = "papi-token-broker";

    private final URI tokenUrl;
    private final HttpUrl httpUrl;
    private final Duration timeout;
    private final Duration defaultTokenLifetime;
    private final Clock clock;
    private final OkHttpClient client;

    private TokenExchange(Builder b) {
        this.tokenUrl = b.tokenUrl;
        this.httpUrl = HttpUrl.get(b.tokenUrl.toString());
        this.timeout = b.timeout;
        this.defaultTokenLifetime = b.defaultTokenLifetime;
        this.clock = b.clock;
        OkHttpClient base = b.httpClient != null ? b.httpClient : DefaultClient.INSTANCE;
        this.client = base.newBuilder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Exchanges a key-pair JWT (see {@link KeyPairJwt#mint(Duration)}) for a session token scoped to
     * {@code scope}.
     *
     * @throws TokenExchangeException when no token came back; its kind says whether to retry (with a new JWT)
     */
    public SessionToken exchange(String jwt, TokenScope scope) throws TokenExchangeException {
        requireCredential(jwt, "jwt");
        return post(Credential.KEY_PAIR_JWT, jwt, scope, UnverifiedClaims.of(jwt), "assertion", jwt);
    }

    /**
     * Exchanges a programmatic access token for a session token scoped to {@code scope}.
     *
     * @throws TokenExchangeException when no token came back; its kind says whether to retry
     */
    public SessionToken exchangeProgrammaticAccessToken(String pat, TokenScope scope) throws TokenExchangeException {
        requireCredential(pat, "pat");
        return post(
                Credential.PROGRAMMATIC_ACCESS_TOKEN,
                pat,
                scope,
                Optional.empty(),
                "subject_token",
                pat,
                "subject_token_type",
                PAT_TOKEN_TYPE);
    }

    /** Where tokens are requested. */
    public URI tokenUrl() {
        return tokenUrl;
    }

    /**
     * Posts {@code grant_type} (the credential's grant), {@code scope}, then {@code fields} (name, value, name,
     * value, ...) in that order.
     */
    private SessionToken post(
            Credential kind, String credential, TokenScope scope, Optional<UnverifiedClaims> claims, String... fields)
            throws TokenExchangeException {
        Objects.requireNonNull(scope, "scope");
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("grant_type", kind.grantType())
                .add("scope", scope.value());
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return post(form.build(), new ExchangeFailures(tokenUrl, kind, scope, claims, timeout), credential, scope);
    }

    private SessionToken post(FormBody form, ExchangeFailures failures, String credential, TokenScope scope)
            throws TokenExchangeException {
        Request request = new Request.Builder()
                .url(httpUrl)
                .header("User-Agent", USER_AGENT)
                .post(form)
                .build();
        long started = System.nanoTime();
        try (Response response = client.newCall(request).execute()) {
            Instant receivedAt = clock.instant();
            Optional<Instant> serverDate =
                    Optional.ofNullable(response.headers().getDate("Date")).map(Date::toInstant);
            String body = read(response.body());
            int status = response.code();
            if (response.isSuccessful()) {
                Optional<TokenBody> token = TokenBody.parse(body);
                if (token.isPresent()) {
                    SessionToken session = toSessionToken(token.get(), receivedAt, serverDate);
                    LOG.debug(
                            "exchanged {} for token {} (scope {}, expires {}{}) in {} ms",
                            TokenHash.of(credential),
                            session.hash(),
                            scope.value(),
                            session.expiresAt(),
                            session.expiryFromToken() ? ", from token" : "",
                            (System.nanoTime() - started) / 1_000_000);
                    return session;
                }
            }
            TokenExchangeException failure =
                    response.isSuccessful() && !ErrorBody.parse(body).isError()
                            ? failures.notAToken(status, body, serverDate)
                            : failures.forResponse(
                                    status,
                                    body,
                                    Optional.ofNullable(response.header("Retry-After")),
                                    Optional.ofNullable(response.header("Location")),
                                    serverDate,
                                    receivedAt);
            LOG.debug("token exchange for {} failed: {}", TokenHash.of(credential), failure.getMessage());
            throw failure;
        } catch (TokenExchangeException e) {
            throw e;
        } catch (IOException e) {
            TokenExchangeException failure = failures.forTransport(e);
            LOG.debug("token exchange for {} failed: {}", TokenHash.of(credential), failure.getMessage());
            throw failure;
        }
    }

    private SessionToken toSessionToken(TokenBody token, Instant receivedAt, Optional<Instant> serverDate) {
        if (token.expiresAtFromToken().isPresent()) {
            return new SessionToken(token.value(), token.expiresAtFromToken().get(), true, receivedAt, serverDate);
        }
        Duration lifetime = token.expiresIn().orElse(defaultTokenLifetime);
        return new SessionToken(token.value(), receivedAt.plus(lifetime), false, receivedAt, serverDate);
    }

    /** Reads at most {@link #MAX_BODY_BYTES}: enough for any token or error, and no more from a misbehaving peer. */
    private static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= MAX_BODY_BYTES && source.read(buffer, 8192) != -1) {
            // keep reading until the end or past the cap
        }
        return buffer.readString(Math.min(buffer.size(), MAX_BODY_BYTES), StandardCharsets.UTF_8);
    }

    private static void requireCredential(String credential, String name) {
        Objects.requireNonNull(credential, name);
        if (credential.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    /** One client for every exchange built without one, so they share its connection pool. */
    private static final class DefaultClient {
        static final OkHttpClient INSTANCE = new OkHttpClient();
    }

    /** Builds a {@link TokenExchange}; only the token URL is required. */
    public static final class Builder {
        private URI tokenUrl;
        private Duration timeout = Duration.ofSeconds(10);
        private Duration defaultTokenLifetime = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();
        private OkHttpClient httpClient;

        private Builder() {}

        /**
         * The whole token URL: {@link TokenUrls#forAccount(AccountIdentifier)} by default, another for private link,
         * a proxy, tests or the local stand-in. HTTPS, or plain HTTP to a loopback address only (a JWT must not
         * cross a network in clear text).
         */
        public Builder tokenUrl(URI tokenUrl) {
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            return this;
        }

        /** The token URL of {@code account}: {@code https://<account host>/oauth/token}. */
        public Builder account(AccountIdentifier account) {
            return tokenUrl(TokenUrls.forAccount(account));
        }

        /** How long one exchange may take in all (connect, send, answer); 10 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = DurationChecks.positive(timeout, "timeout");
            return this;
        }

        /** The lifetime assumed for a token that does not say its own; 10 minutes by default. */
        public Builder defaultTokenLifetime(Duration lifetime) {
            this.defaultTokenLifetime = DurationChecks.positive(lifetime, "defaultTokenLifetime");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A client to share connection pools and settings with (proxy, trust store); timeouts are set on a copy. */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** @throws IllegalArgumentException when the token URL is missing or not usable */
        public TokenExchange build() {
            if (tokenUrl == null) {
                throw new IllegalArgumentException("tokenUrl is not set: give the account or a token URL such as "
                        + "https://myorg-myacct.snowflakecomputing.com/oauth/token");
            }
            String scheme =
                    tokenUrl.getScheme() == null ? "" : tokenUrl.getScheme().toLowerCase(Locale.ROOT);
            if (tokenUrl.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new IllegalArgumentException("token URL " + tokenUrl + " is not an https URL such as "
                        + "https://myorg-myacct.snowflakecomputing.com/oauth/token");
            }
            if (scheme.equals("http") && !LoopbackNames.isLoopbackHost(tokenUrl.getHost())) {
                throw new IllegalArgumentException(
                        "token URL " + tokenUrl + " is plain http to another machine: use https "
                                + "(http is accepted for loopback addresses only)");
            }
            return new TokenExchange(this);
        }
    }
}
