package io.papi.broker.sidecar;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Which headers a forwarding proxy passes on. Hop-by-hop headers (RFC 9110 section 7.6.1) belong to one connection
 * and are never forwarded, nor is any header the {@code Connection} header names. Going up, {@code Host} is set
 * from the endpoint's URL, the caller's {@code Authorization} is replaced by the broker's token, and the broker's
 * own headers stay behind; coming down, {@code Content-Length} and {@code Date} are the local server's to write.
 * {@code Cookie} and {@code Set-Cookie} never pass: the proxy is open to every local process, so a session cookie
 * the endpoint set would be handed to whoever calls next.
 */
public final class ForwardedHeaders {
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "trailers",
            "transfer-encoding",
            "upgrade");
    private static final Set<String> NOT_UPSTREAM =
            Set.of("host", "authorization", "content-length", "x-papi-broker", "x-papi-identity", "expect", "cookie");
    private static final Set<String> NOT_DOWNSTREAM = Set.of("content-length", "date", "set-cookie");

    /** The same rules for the headers Jetty knows, so that most names are judged without lower-casing them. */
    private static final Set<HttpHeader> KNOWN_NOT_UPSTREAM = known(HOP_BY_HOP, NOT_UPSTREAM);

    private static final Set<HttpHeader> KNOWN_NOT_DOWNSTREAM = known(HOP_BY_HOP, NOT_DOWNSTREAM);
    /** The rules for a message without a {@code Connection} header (nearly all of them): shared, nothing to parse. */
    private static final ForwardedHeaders PLAIN = new ForwardedHeaders(Set.of());

    private final Set<String> connectionNamed;

    private ForwardedHeaders(Set<String> connectionNamed) {
        this.connectionNamed = connectionNamed;
    }

    /** The rules for one message, given the values of its {@code Connection} header(s). */
    public static ForwardedHeaders of(List<String> connectionValues) {
        if (connectionValues == null || connectionValues.isEmpty()) {
            return PLAIN;
        }
        Set<String> named = new HashSet<>();
        if (connectionValues != null) {
            for (String value : connectionValues) {
                for (String token : value.split(",")) {
                    if (!token.isBlank()) {
                        named.add(token.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return new ForwardedHeaders(named);
    }

    public boolean upstream(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !NOT_UPSTREAM.contains(lower) && !connectionNamed.contains(lower);
    }

    public boolean downstream(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !NOT_DOWNSTREAM.contains(lower) && !connectionNamed.contains(lower);
    }

    /** {@link #upstream(String)} for a parsed field: a header Jetty knows is looked up by its constant. */
    public boolean upstream(HttpField field) {
        HttpHeader known = field.getHeader();
        if (known == null || !connectionNamed.isEmpty()) {
            return upstream(field.getName());
        }
        return !KNOWN_NOT_UPSTREAM.contains(known);
    }

    /** {@link #downstream(String)} for a parsed field. */
    public boolean downstream(HttpField field) {
        HttpHeader known = field.getHeader();
        if (known == null || !connectionNamed.isEmpty()) {
            return downstream(field.getName());
        }
        return !KNOWN_NOT_DOWNSTREAM.contains(known);
    }

    private static Set<HttpHeader> known(Set<String> first, Set<String> second) {
        Set<HttpHeader> known = EnumSet.noneOf(HttpHeader.class);
        for (HttpHeader header : HttpHeader.values()) {
            String lower = header.lowerCaseName();
            if (first.contains(lower) || second.contains(lower)) {
                known.add(header);
            }
        }
        return known;
    }
}
