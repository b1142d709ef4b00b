package io.papi.broker.sidecar;

import io.papi.broker.RefreshFailure;
import io.papi.broker.RefreshFailure.Reason;
import io.papi.broker.TokenExchangeException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import javax.net.ssl.SSLException;

/** Names the {@link Reason} of a failed exchange, from its status, Snowflake code or transport error. */
public final class FailureClassifier {
    private static final String JWT_INVALID = "390144";

    private FailureClassifier() {
    }

    public static RefreshFailure of(TokenExchangeException e, Instant at) {
        return new RefreshFailure(reason(e), !e.isTransient(), e.getMessage(), at, e.retryAfter());
    }

    static Reason reason(TokenExchangeException e) {
        int status = e.status();
        if (status == 0) {
            Throwable cause = e.getCause();
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
                return Reason.TIMEOUT;
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
                return Reason.CONNECT;
            }
            if (cause instanceof SSLException) {
                return Reason.TLS;
            }
            return Reason.NETWORK;
        }
        if (e.snowflakeCode().filter(JWT_INVALID::equals).isPresent() || status == 401) {
            return Reason.JWT_REJECTED;
        }
        if (status == 429) {
            return Reason.RATE_LIMITED;
        }
        if (status == 408) {
            return Reason.TIMEOUT;
        }
        if (status >= 500) {
            return Reason.SERVER_ERROR;
        }
        if (status == 403) {
            return Reason.FORBIDDEN;
        }
        if (status >= 200 && status < 300) {
            return Reason.NOT_A_TOKEN;
        }
        if (e.getMessage() != null && e.getMessage().startsWith("the JWT was rejected")) {
            return Reason.JWT_REJECTED;
        }
        return Reason.BAD_REQUEST;
    }
}
