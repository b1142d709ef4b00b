package io.papi.broker.exchange;

import io.papi.broker.RefreshFailure.Reason;
import io.papi.broker.TokenExchangeException;
import io.papi.broker.TokenExchangeException.Kind;
import io.papi.broker.TokenScope;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns each way a token exchange can fail into a {@link TokenExchangeException} whose one-line message names the
 * likely cause, and whose kind tells a caller whether retrying can help. No message carries the credential or a
 * token: server text goes through {@link SafeText} first.
 */
public final class ExchangeFailures {
    /** Snowflake's code for a rejected key-pair JWT; the cause is only visible to an admin. */
    public static final String JWT_INVALID = "390144";

    private final URI tokenUrl;
    private final Credential credential;
    private final TokenScope scope;
    private final Optional<UnverifiedClaims> jwtClaims;
    private final Duration timeout;

    /**
     * @param jwtClaims the claims of the JWT that was sent, to name its subject and key when it is refused
     */
    public ExchangeFailures(
            URI tokenUrl,
            Credential credential,
            TokenScope scope,
            Optional<UnverifiedClaims> jwtClaims,
            Duration timeout) {
        this.tokenUrl = tokenUrl;
        this.credential = credential;
        this.scope = scope;
        this.jwtClaims = jwtClaims;
        this.timeout = timeout;
    }

    /** A response that is no success (or a success body in Snowflake's error shape). */
    public TokenExchangeException forResponse(
            int status,
            String body,
            Optional<String> retryAfterHeader,
            Optional<String> location,
            Optional<Instant> serverDate,
            Instant receivedAt) {
        ErrorBody error = ErrorBody.parse(body);
        Duration retryAfter = retryAfterHeader
                .flatMap(h -> RetryAfter.parse(h, serverDate.orElse(receivedAt)))
                .orElse(null);
        Answer answer = new Answer(
                status, retryAfter, serverDate.orElse(null), error.code().orElse(null));
        String detail = detail(error);

        if (JWT_INVALID.equals(answer.code())) {
            return answer.withoutRetry()
                    .failure(
                            Kind.PERMANENT,
                            Reason.JWT_REJECTED,
                            jwtRejected("Snowflake " + JWT_INVALID, error.reference()));
        }
        if (status == 429) {
            return answer.failure(
                    Kind.TRANSIENT,
                    Reason.RATE_LIMITED,
                    "rate-limited by " + host() + " (HTTP 429)" + detail + ": " + retryHint(retryAfter));
        }
        if (status >= 500) {
            return answer.failure(
                    Kind.TRANSIENT,
                    Reason.SERVER_ERROR,
                    "Snowflake unavailable: " + host() + " answered HTTP " + status + detail + "; "
                            + retryHint(retryAfter));
        }
        if (status == 408) {
            return answer.failure(
                    Kind.TRANSIENT,
                    Reason.TIMEOUT,
                    host() + " timed out waiting for the request (HTTP 408)" + detail + "; " + retryHint(retryAfter));
        }
        if (status >= 300 && status < 400) {
            String to =
                    location.map(l -> " to " + SafeText.oneLine(hostOf(l), 80)).orElse("");
            return answer.failure(
                    Kind.PERMANENT,
                    Reason.BAD_REQUEST,
                    "the token URL " + tokenUrl + " redirects (HTTP " + status + to
                            + "): use https://<account>.snowflakecomputing.com/oauth/token or set the token URL your network needs");
        }
        if (status == 404) {
            return answer.failure(
                    Kind.PERMANENT,
                    Reason.BAD_REQUEST,
                    "wrong token URL: " + tokenUrl + " answered HTTP 404" + detail
                            + "; it should be https://<account>.snowflakecomputing.com/oauth/token");
        }
        if (status == 403) {
            return answer.failure(
                    Kind.PERMANENT,
                    Reason.FORBIDDEN,
                    "HTTP 403 from " + host() + detail + ": "
                            + roleText() + " is not granted to " + userText() + ", or the user may not reach endpoint "
                            + scope.endpoint() + " (grant it the service role with USAGE on that endpoint)");
        }
        Optional<String> oauthError = error.error();
        if (oauthError.filter("invalid_scope"::equals).isPresent()) {
            return answer.failure(
                    Kind.PERMANENT,
                    Reason.BAD_REQUEST,
                    "the scope '" + scope.value() + "' was rejected (HTTP " + status + detail
                            + "): check the role name (case-sensitive) and the endpoint host");
        }
        if (status == 401 || oauthError.filter("invalid_grant"::equals).isPresent()) {
            String cause = "HTTP " + status + detail;
            return answer.failure(
                    Kind.PERMANENT,
                    Reason.JWT_REJECTED,
                    credential == Credential.KEY_PAIR_JWT
                            ? jwtRejected(cause, Optional.empty())
                            : "the programmatic access token was rejected (" + cause
                                    + "): check that it belongs to the user, "
                                    + "has not expired or been revoked, and that the user is subject to a network policy (a PAT prerequisite)");
        }
        return answer.failure(
                Kind.PERMANENT,
                Reason.BAD_REQUEST,
                "the token endpoint " + host() + " refused the request (HTTP " + status + detail + ")");
    }

    /** A 2xx whose body is no token. */
    public TokenExchangeException notAToken(int status, String body, Optional<Instant> serverDate) {
        String what = body.isBlank()
                ? "an empty body"
                : "something that is not a token (first bytes: " + SafeText.prefix(body, 40) + ")";
        return new TokenExchangeException(
                Kind.PERMANENT,
                Reason.NOT_A_TOKEN,
                status,
                "the token endpoint answered with " + what + ": check the token URL " + tokenUrl,
                null,
                serverDate.orElse(null),
                null,
                null);
    }

    /** No answer: connect error, timeout, reset, TLS failure. */
    public TokenExchangeException forTransport(IOException e) {
        if (e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return transport(
                    Kind.TRANSIENT, Reason.TIMEOUT, "no answer within " + seconds(timeout) + " from " + host(), e);
        }
        if (e instanceof InterruptedIOException) {
            Thread.currentThread().interrupt();
            return transport(Kind.TRANSIENT, Reason.TIMEOUT, "interrupted while waiting for " + host(), e);
        }
        if (e instanceof UnknownHostException) {
            return transport(
                    Kind.TRANSIENT,
                    Reason.CONNECT,
                    "cannot resolve " + tokenUrl.getHost() + ": check the account (or the token URL) and DNS",
                    e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return transport(Kind.TRANSIENT, Reason.CONNECT, "cannot connect to " + host() + " (" + reason(e) + ")", e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return transport(
                    Kind.PERMANENT,
                    Reason.TLS,
                    "TLS handshake with " + host() + " failed (" + reason(e)
                            + "): check the token URL, and any proxy that intercepts TLS (its CA must be in the JVM trust store)",
                    e);
        }
        return transport(
                Kind.TRANSIENT,
                e instanceof javax.net.ssl.SSLException ? Reason.TLS : Reason.NETWORK,
                "the connection to " + host() + " failed before an answer (" + reason(e) + ")",
                e);
    }

    /** What an answer said besides its body: the fields every failure built from it carries. */
    private record Answer(int status, Duration retryAfter, Instant date, String code) {
        Answer withoutRetry() {
            return new Answer(status, null, date, code);
        }

        TokenExchangeException failure(Kind kind, Reason reason, String message) {
            return new TokenExchangeException(kind, reason, status, message, retryAfter, date, code, null);
        }
    }

    private TokenExchangeException transport(Kind kind, Reason reason, String message, IOException cause) {
        return new TokenExchangeException(kind, reason, 0, message, null, null, null, cause);
    }

    private String jwtRejected(String cause, Optional<String> reference) {
        Optional<String> subject = jwtClaims.flatMap(c -> c.text("sub"));
        Optional<String> fingerprint = jwtClaims
                .flatMap(c -> c.text("iss"))
                .filter(iss -> iss.contains("SHA256:"))
                .map(iss -> iss.substring(iss.indexOf("SHA256:")));
        StringBuilder message = new StringBuilder("the JWT was rejected (").append(cause);
        reference.ifPresent(ref -> message.append(", ref ").append(ref));
        message.append("): check the account form (it must not carry region or privatelink suffixes");
        subject.ifPresent(s -> message.append("; the JWT names ").append(s));
        message.append("), that the user is the LOGIN_NAME, that the key's fingerprint (papi fingerprint");
        fingerprint.ifPresent(fp -> message.append("; the JWT carries ").append(fp));
        message.append(") equals RSA_PUBLIC_KEY_FP in DESCRIBE USER, and the machine's clock");
        reference.ifPresent(
                ref -> message.append("; an admin can read the cause with SYSTEM$GET_LOGIN_FAILURE_DETAILS('")
                        .append(ref)
                        .append("')"));
        return message.toString();
    }

    private String detail(ErrorBody error) {
        StringBuilder detail = new StringBuilder();
        error.code().ifPresent(c -> detail.append(", Snowflake ").append(SafeText.oneLine(c, 20)));
        error.error().ifPresent(e -> detail.append(", ").append(SafeText.oneLine(e, 40)));
        error.message()
                .or(error::errorDescription)
                .ifPresent(m -> detail.append(": ").append(SafeText.oneLine(m, 160)));
        return detail.toString();
    }

    private String roleText() {
        return scope.role() == null ? "the user's default role" : "role " + scope.role();
    }

    private String userText() {
        return jwtClaims
                .flatMap(c -> c.text("sub"))
                .map(s -> "user " + s.substring(s.indexOf('.') + 1))
                .orElse("the user");
    }

    private String host() {
        int port = tokenUrl.getPort();
        return port < 0 ? tokenUrl.getHost() : tokenUrl.getHost() + ":" + port;
    }

    private static String hostOf(String location) {
        try {
            URI uri = URI.create(location.trim());
            return uri.getHost() == null ? "another path" : uri.getHost();
        } catch (IllegalArgumentException e) {
            return "an unparseable location";
        }
    }

    private static String retryHint(Duration retryAfter) {
        return retryAfter == null ? "retry later" : "retry after " + retryAfter.toSeconds() + " s";
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : SafeText.oneLine(message, 100);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
