package io.papi.cli.command;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.BrokerSecret;
import io.papi.broker.ForwardingProxy;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenScope;
import io.papi.cli.PapiException;
import io.papi.cli.call.BrokerTokens;
import io.papi.cli.call.CallRequest;
import io.papi.cli.call.CallToken;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code papi call}: a curl-like call to an SPCS endpoint that brings its own session token. */
@Command(
        name = "call",
        mixinStandardHelpOptions = true,
        description = {
            "Call an SPCS endpoint with a session token, like curl.",
            "The token comes from a running broker",
            "(--broker URL) or is minted here from the identity flags. Prints the body; exits 1 on an HTTP error",
            "or a redirect. With a broker, a 401 (or a redirect to the login page) gets one retry with a fresh token."
        })
public final class CallCommand extends PapiSubcommand {
    /** The identity, and where its session token comes from, when no --broker gives one. */
    @Mixin
    ExchangeOptions exchange = new ExchangeOptions();

    @Option(
            names = {"-X", "--request"},
            paramLabel = "METHOD",
            description = "HTTP method (default GET, or POST with -d)")
    String method;

    @Option(
            names = {"-d", "--data"},
            paramLabel = "DATA",
            description = "Request body: text, @FILE, or @- for stdin")
    String data;

    @Option(
            names = {"-H", "--header"},
            paramLabel = "'NAME: VALUE'",
            description = "Extra request header; repeatable")
    List<String> headers = new ArrayList<>();

    @Option(
            names = {"-i", "--include"},
            description = "Print the status line and headers before the body")
    boolean include;

    @Option(
            names = "--broker",
            paramLabel = "URL",
            description =
                    "Take the token from this running papi broker: http://127.0.0.1:8081 or unix:/path/broker.sock (env PAPI_BROKER_URL)")
    String broker;

    @Option(
            names = "--broker-identity",
            paramLabel = "NAME",
            description = "The broker's identity to use (env PAPI_BROKER_IDENTITY)")
    String brokerIdentity;

    @Option(
            names = "--auth-token-file",
            paramLabel = "FILE",
            description =
                    "The broker's secret (env PAPI_BROKER_AUTH_TOKEN_FILE; default $PAPI_HOME/broker/secret when it exists; none on a socket)")
    String authTokenFile;

    @Option(
            names = "--max-time",
            paramLabel = "DURATION",
            description = "Longest the whole call may take (env PAPI_CALL_TIMEOUT; default 60s)")
    String maxTime;

    @Parameters(
            index = "0",
            paramLabel = "URL",
            description = "The endpoint URL, e.g. https://<ingress host>/customer/1")
    String url;

    @Override
    protected int run() {
        Settings settings = exchange.identity.settings(environment(), this::warn);
        CallRequest request = CallRequest.parse(url, method, data, headers, System.in);
        Duration limit = ExchangeOptions.duration(settings, Setting.CALL_TIMEOUT, maxTime);
        OkHttpClient client = new OkHttpClient.Builder()
                .callTimeout(limit)
                .connectTimeout(limit)
                .readTimeout(limit)
                .writeTimeout(limit)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        try {
            BrokerTokens brokerTokens = brokerTokens(settings, client);
            CallToken token = brokerTokens != null ? brokerTokens.fetch() : mint(settings, request);
            Response response = execute(client, request.with(token), request, limit);
            if (brokerTokens != null
                    && ForwardingProxy.meansTokenRejected(
                            response.code(),
                            response.header("Location"),
                            request.url().host())) {
                response.close();
                brokerTokens.invalidate(token);
                response = execute(client, request.with(brokerTokens.fetch()), request, limit);
            }
            try (Response answer = response) {
                return print(answer, request);
            }
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private BrokerTokens brokerTokens(Settings settings, OkHttpClient client) {
        var brokerUrl = settings.get(Setting.BROKER_URL, broker);
        if (brokerUrl.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(brokerUrl.get());
        } catch (URISyntaxException e) {
            throw PapiException.usage("--broker '" + brokerUrl.get()
                    + "' is not a URL such as http://127.0.0.1:8081 or unix:/path/broker.sock");
        }
        String secret = settings.get(Setting.BROKER_AUTH_TOKEN_FILE, authTokenFile)
                .map(CallCommand::readSecret)
                .orElseGet(() -> BrokerTokens.isSocket(uri) ? null : defaultSecret());
        return new BrokerTokens(
                uri,
                secret,
                settings.get(Setting.BROKER_IDENTITY, brokerIdentity).orElse(null),
                client);
    }

    private CallToken mint(Settings settings, CallRequest request) {
        AccountIdentifier account = exchange.identity.account(settings);
        String endpoint = settings.get(Setting.ENDPOINT, exchange.endpoint).orElse(request.endpoint());
        TokenScope scope;
        try {
            scope = new TokenScope(settings.get(Setting.ROLE, exchange.role).orElse(null), endpoint);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
        SessionToken token = exchange.sessionToken(settings, account, scope);
        return new CallToken(token.value(), token.hash(), false);
    }

    private static Response execute(OkHttpClient client, Request call, CallRequest request, Duration limit) {
        try {
            return client.newCall(call).execute();
        } catch (InterruptedIOException e) {
            throw PapiException.failure("no answer from " + request.url().host() + " within "
                    + DurationConverter.format(limit) + " (--max-time)");
        } catch (IOException e) {
            throw PapiException.failure(
                    "cannot reach " + request.url().host() + ":" + request.url().port() + " ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    private int print(Response response, CallRequest request) {
        if (include) {
            out().print(response.protocol().toString().toUpperCase(java.util.Locale.ROOT) + " " + response.code()
                    + (response.message().isEmpty() ? "" : " " + response.message()) + "\r\n");
            response.headers().forEach(h -> out().print(h.getFirst() + ": " + h.getSecond() + "\r\n"));
            out().print("\r\n");
        }
        String body;
        try {
            body = response.body() == null ? "" : response.body().string();
        } catch (IOException e) {
            throw PapiException.failure(
                    "the answer from " + request.url().host() + " broke off (" + e.getMessage() + ")");
        }
        out().print(body);
        out().flush();
        int status = response.code();
        if (status >= 200 && status < 300) {
            return 0;
        }
        String what = "HTTP " + status + " from " + request.method() + " "
                + request.url().scheme() + "://" + request.endpoint()
                + request.url().encodedPath();
        if (status >= 300 && status < 400) {
            String location = response.header("Location");
            boolean login = ForwardingProxy.meansTokenRejected(
                    status, location, request.url().host());
            throw PapiException.failure(what + ": redirected" + (location == null ? "" : " to " + hostOf(location))
                    + (login
                            ? ", a login page: the endpoint did not accept the token (check the role's grants on the endpoint)"
                            : ""));
        }
        if (status == 401) {
            throw PapiException.failure(
                    what + ": the endpoint did not accept the token (check the role's grants on the endpoint)");
        }
        throw PapiException.failure(what);
    }

    private static String hostOf(String location) {
        try {
            URI uri = URI.create(location.trim());
            return uri.getHost() == null ? location.trim() : uri.getHost();
        } catch (IllegalArgumentException e) {
            return "an unparseable location";
        }
    }

    /** The broker's default secret file, when it exists (a broker with --no-caller-auth asks for none). */
    private String defaultSecret() {
        Path file = BrokerSecret.defaultFile(environment().papiHome());
        return Files.isRegularFile(file) ? readSecret(file.toString()) : null;
    }

    private static String readSecret(String file) {
        try {
            String secret =
                    Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw PapiException.usage("auth token file " + file + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw PapiException.usage("cannot read auth token file " + file + ": " + e.getMessage());
        }
    }
}
