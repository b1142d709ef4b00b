package io.papi.local.http;

import io.papi.local.LoginFailure;
import io.papi.local.UserRegistry;
import io.papi.local.login.BadTokenRequest;
import io.papi.local.login.JwtRejected;
import io.papi.local.login.KeyPairJwtCheck;
import io.papi.local.login.LoginFailureLog;
import io.papi.local.login.TokenRequest;
import io.papi.local.login.UntrustedText;
import io.papi.local.session.SessionTokenIssuer;
import io.papi.local.session.TokenDigest;
import io.papi.local.store.StoredUser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /oauth/token}: exchanges a key-pair JWT for a session token, as Snowflake does for SPCS ingress.
 * <ul>
 *   <li>200, {@code text/plain}: the session token, nothing else;</li>
 *   <li>400 {@code {"data":null,"code":"390144","message":"JWT token is invalid. [<uuid>]",...}} for any rejected JWT;
 *       the cause goes to the log and to {@link LoginFailureLog} under that UUID, never to the client;</li>
 *   <li>400 with code 390186 when the scope asks for a role the user does not have;</li>
 *   <li>400/405/413 OAuth errors ({@code invalid_request}, {@code unsupported_grant_type}, {@code invalid_scope})
 *       for requests of the wrong shape.</li>
 * </ul>
 * Tokens and JWTs appear in the log only as short hashes.
 */
public final class TokenHandler extends Handler.Abstract {
    public static final String PATH = "/oauth/token";
    /** A key-pair JWT is under 1 KB; anything near this limit is not a token request. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Snowflake's code for "JWT token is invalid". */
    public static final String INVALID_JWT_CODE = "390144";
    /** Snowflake's code for a requested role that is not granted to the user. */
    public static final String ROLE_NOT_GRANTED_CODE = "390186";

    private static final Logger LOG = LoggerFactory.getLogger(TokenHandler.class);

    private final KeyPairJwtCheck check;
    private final SessionTokenIssuer issuer;
    private final LoginFailureLog failures;
    private final Clock clock;

    public TokenHandler(KeyPairJwtCheck check, SessionTokenIssuer issuer, LoginFailureLog failures, Clock clock) {
        this.check = check;
        this.issuer = issuer;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        TokenReplies.Exchange exchange = new TokenReplies.Exchange(request, response, callback);
        try {
            respond(exchange);
        } catch (IOException e) {
            LOG.debug("client went away before the reply was sent: {}", e.getMessage());
            callback.failed(e);
        } catch (RuntimeException e) {
            String uuid = UUID.randomUUID().toString();
            LOG.error("token request failed [{}]", uuid, e);
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                TokenReplies.oauthError(
                        exchange,
                        500,
                        "server_error",
                        "the local account failed to handle the request; see its log [" + uuid + "]");
            }
        }
        return true;
    }

    private void respond(TokenReplies.Exchange exchange) throws IOException {
        String path = exchange.request().getHttpURI().getPath();
        if (!PATH.equals(path)) {
            TokenReplies.oauthError(
                    exchange,
                    404,
                    "not_found",
                    "no such path " + UntrustedText.quote(path) + ": the token endpoint is POST " + PATH);
            return;
        }
        String method = exchange.request().getMethod();
        if (!"POST".equals(method)) {
            exchange.response().getHeaders().put("Allow", "POST");
            TokenReplies.oauthError(
                    exchange, 405, "invalid_request", PATH + " takes POST, not " + UntrustedText.quote(method));
            return;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(exchange.request())) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            TokenReplies.oauthError(
                    exchange,
                    413,
                    "invalid_request",
                    "request body is over " + MAX_BODY_BYTES
                            + " bytes: a token request is a grant_type, a scope and one JWT");
            return;
        }
        TokenRequest request;
        try {
            request = TokenRequest.parse(exchange.request().getHeaders().get("Content-Type"), body);
        } catch (BadTokenRequest e) {
            LOG.info("bad token request: {} {}", e.error(), e.description());
            TokenReplies.oauthError(exchange, e.status(), e.error(), e.description());
            return;
        }
        StoredUser user;
        try {
            user = check.check(request.assertion());
        } catch (JwtRejected rejected) {
            reject(exchange, request, rejected);
            return;
        }
        String role = request.scope().role() == null
                ? user.defaultRole()
                : request.scope().role();
        if (!role.equals(user.defaultRole()) && !role.equals(UserRegistry.PUBLIC_ROLE)) {
            LOG.warn(
                    "login refused for user {}: role {} is not granted (default role {})",
                    user.name(),
                    UntrustedText.quote(role),
                    user.defaultRole());
            TokenReplies.snowflakeError(
                    exchange,
                    400,
                    ROLE_NOT_GRANTED_CODE,
                    "Role " + UntrustedText.quote(role) + " specified in the scope "
                            + "is not granted to user " + user.name() + ": ask for its default role "
                            + user.defaultRole()
                            + " or leave the role out (roles in the scope are case-sensitive)");
            return;
        }
        SessionTokenIssuer.Issued issued =
                issuer.issue(user.name(), role, request.scope().endpoint());
        LOG.info(
                "session {} issued to {} with role {} for {} until {}",
                TokenDigest.shortHash(issued.token()),
                user.name(),
                role,
                request.scope().endpoint(),
                issued.expiresAt());
        TokenReplies.token(exchange, issued.token());
    }

    private void reject(TokenReplies.Exchange exchange, TokenRequest request, JwtRejected rejected) {
        String uuid = UUID.randomUUID().toString();
        failures.add(new LoginFailure(uuid, rejected.code(), rejected.reason(), rejected.user(), clock.instant()));
        LOG.warn(
                "login failed [{}] {} user={} jwt={}: {}",
                uuid,
                rejected.code().code(),
                rejected.user() == null ? "(unknown)" : UntrustedText.quote(rejected.user()),
                TokenDigest.shortHash(request.assertion()),
                rejected.reason());
        TokenReplies.snowflakeError(exchange, 400, INVALID_JWT_CODE, "JWT token is invalid. [" + uuid + "]");
    }
}
