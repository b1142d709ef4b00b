package io.papi.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.papi.api.ApiConfig;
import io.papi.api.AuthDecision;
import io.papi.api.IngressAuth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.junit.jupiter.api.Test;

/** What the handler behind the gate sees in Sf-Context-Current-User, recorded by a handler standing in for the API. */
class IngressGateTest {
    private final List<List<String>> seenUsers = new CopyOnWriteArrayList<>();

    private final Handler recorder = new Handler.Abstract.NonBlocking() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            seenUsers.add(request.getHeaders().getValuesList(IngressGate.CURRENT_USER));
            Responses.json(response, callback, 200, Json.object("ok", "yes"));
            return true;
        }
    };

    private HttpResponse<String> call(IngressAuth auth, String path, String... headers) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new IngressGate(
                auth, new UnauthorizedResponder(ApiConfig.builder().build()), recorder));
        server.start();
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + path));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            server.stop();
        }
    }

    private static final IngressAuth ALICE_WITH_TOKEN = header -> "Snowflake Token=\"t\"".equals(header)
            ? AuthDecision.allowed("ALICE")
            : AuthDecision.denied("no valid session token");

    @Test
    void allowedRequestReachesTheHandlerWithTheVerifiedUser() throws Exception {
        HttpResponse<String> r =
                call(ALICE_WITH_TOKEN, "/customer/1", HttpHeader.AUTHORIZATION.asString(), "Snowflake Token=\"t\"");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(seenUsers).containsExactly(List.of("ALICE"));
    }

    @Test
    void spoofedCurrentUserHeaderIsReplacedByTheVerifiedUser() throws Exception {
        call(
                ALICE_WITH_TOKEN,
                "/customer/1",
                "Authorization",
                "Snowflake Token=\"t\"",
                IngressGate.CURRENT_USER,
                "ACCOUNTADMIN",
                IngressGate.CURRENT_USER.toLowerCase(),
                "MALLORY");

        assertThat(seenUsers).containsExactly(List.of("ALICE"));
    }

    @Test
    void deniedRequestNeverReachesTheHandler() throws Exception {
        HttpResponse<String> r = call(ALICE_WITH_TOKEN, "/customer/1", IngressGate.CURRENT_USER, "ALICE");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"error\":\"no valid session token\"}");
        assertThat(seenUsers).isEmpty();
    }

    @Test
    void withNoIngressAuthTheUserSetBySpcsIsKept() throws Exception {
        call(IngressAuth.none(), "/customer/1", IngressGate.CURRENT_USER, "SVC_DATA_API");

        assertThat(seenUsers).containsExactly(List.of("SVC_DATA_API"));
    }

    @Test
    void probesPassWithoutATokenAndWithoutAUser() throws Exception {
        assertThat(call(ALICE_WITH_TOKEN, "/healthz").statusCode()).isEqualTo(200);
        assertThat(call(ALICE_WITH_TOKEN, "/readyz").statusCode()).isEqualTo(200);
        assertThat(seenUsers).containsExactly(List.of(), List.of());
    }

    @Test
    void requestsStayOnTheNetworkThreadOnlyWhenTheAuthCannotBlock() {
        UnauthorizedResponder unauthorized =
                new UnauthorizedResponder(ApiConfig.builder().build());
        IngressAuth nonBlocking = new IngressAuth() {
            @Override
            public AuthDecision check(String header) {
                return AuthDecision.allowed("X");
            }

            @Override
            public boolean mayBlock() {
                return false;
            }
        };

        assertThat(new IngressGate(IngressAuth.none(), unauthorized, recorder).getInvocationType())
                .isEqualTo(Invocable.InvocationType.NON_BLOCKING);
        assertThat(new IngressGate(nonBlocking, unauthorized, recorder).getInvocationType())
                .isEqualTo(Invocable.InvocationType.NON_BLOCKING);
        assertThat(new IngressGate(ALICE_WITH_TOKEN, unauthorized, recorder).getInvocationType())
                .isEqualTo(Invocable.InvocationType.BLOCKING);
    }
}
