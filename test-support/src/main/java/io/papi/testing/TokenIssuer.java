package io.papi.testing;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A WireMock response transformer that answers like Snowflake's /oauth/token with a session token shaped as a JWT
 * (three base64url parts) whose {@code exp} is the test clock's now plus the stub's {@code lifetimeSeconds}, so each
 * token is distinct and its expiry follows the fake clock. Stubs opt in with {@code withTransformers(NAME)}; with
 * the parameter {@code plain: true} the token is opaque text instead (no exp: the exchange assumes its lifetime).
 */
public final class TokenIssuer implements ResponseTransformerV2 {
    public static final String NAME = "papi-token-issuer";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final AtomicReference<Clock> clock = new AtomicReference<>(Clock.systemUTC());
    private final AtomicInteger serial = new AtomicInteger();
    private final List<Issued> issued = new CopyOnWriteArrayList<>();

    /** One token handed out, when (by the issuer's clock) and the expiry it carries. */
    public record Issued(String token, Instant issuedAt, Instant expiresAt) {}

    public void useClock(Clock c) {
        clock.set(c);
        issued.clear();
    }

    public List<Issued> issued() {
        return List.copyOf(issued);
    }

    /** A JWT-shaped token expiring at {@code exp}; the signature part is filler (nobody checks it). */
    public static String tokenExpiringAt(Instant exp, int serial) {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(
                ("{\"sub\":\"SVC\",\"jti\":\"t" + serial + "\",\"exp\":" + exp.getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2lnbmF0dXJl" + serial;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        Parameters parameters = event.getTransformerParameters();
        long lifetime = parameters != null && parameters.containsKey("lifetimeSeconds")
                ? ((Number) parameters.get("lifetimeSeconds")).longValue()
                : 600;
        Instant now = clock.get().instant();
        Instant exp = Instant.ofEpochSecond(now.getEpochSecond() + lifetime);
        boolean plain = parameters != null && Boolean.TRUE.equals(parameters.get("plain"));
        String token = plain
                ? "ver:1-hint:4711-ETMsDgAAAZplainToken" + serial.incrementAndGet()
                : tokenExpiringAt(exp, serial.incrementAndGet());
        issued.add(new Issued(token, now, exp));
        return Response.Builder.like(response).but().body(token).build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
