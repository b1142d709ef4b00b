package io.papi.cli.command;

import io.papi.api.ApiConfig;
import io.papi.api.ApiServer;
import io.papi.api.Stores;
import io.papi.broker.AccountIdentifier;
import io.papi.broker.BrokerConfig;
import io.papi.broker.BrokerSecret;
import io.papi.broker.BrokerServer;
import io.papi.broker.Identity;
import io.papi.broker.PassphraseSource;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenExchange;
import io.papi.broker.TokenScope;
import io.papi.broker.TokenUnavailableException;
import io.papi.cli.PapiException;
import io.papi.cli.call.BrokerCurl;
import io.papi.cli.stack.LocalData;
import io.papi.cli.stack.LocalIngressAuth;
import io.papi.cli.stack.LocalStore;
import io.papi.cli.stack.Ports;
import io.papi.cli.stack.RunUntilStopped;
import io.papi.cli.stack.ServiceKeys;
import io.papi.local.LocalAccount;
import io.papi.local.LocalTokenEndpoint;
import io.papi.lookup.LookupTable;
import io.papi.recommender.ProgressListener;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi quickstart}: the whole system on one machine, with no Snowflake account. */
@Command(
        name = "quickstart",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole system locally, with no Snowflake account.",
            "A local account with synthetic data and recommendations, a key pair,",
            "the service user, the token endpoint, the API behind token authentication, and a broker.",
            "Makes one authenticated lookup, prints the URLs and curl commands, and serves until Ctrl-C.",
            "Running it again reuses the account, the data and the key."
        })
public final class QuickstartCommand extends PapiSubcommand {
    static final String USER = "SVC_DATA_API";
    static final String ROLE = "DATA_API_ROLE";

    @Mixin
    LocalDirOption localDir = new LocalDirOption();

    @Option(
            names = "--keys-dir",
            paramLabel = "DIR",
            description = "Where the service user's key pair lives (default $PAPI_HOME/keys)")
    Path keysDir;

    @Option(
            names = "--api-port",
            paramLabel = "PORT",
            defaultValue = "8001",
            description = "Port of the API (default: ${DEFAULT-VALUE})")
    int apiPort;

    @Option(
            names = "--token-port",
            paramLabel = "PORT",
            defaultValue = "8088",
            description = "Port of the local /oauth/token (default: ${DEFAULT-VALUE})")
    int tokenPort;

    @Option(
            names = "--broker-port",
            paramLabel = "PORT",
            defaultValue = "8081",
            description = "Port of the broker (default: ${DEFAULT-VALUE})")
    int brokerPort;

    @Option(
            names = "--proxy-port",
            paramLabel = "PORT",
            defaultValue = "8082",
            description = "Port of the broker's forwarding proxy to the API (default: ${DEFAULT-VALUE})")
    int proxyPort;

    @Option(
            names = "--session-lifetime",
            paramLabel = "DURATION",
            defaultValue = "10m",
            description = "Lifetime of session tokens (default: ${DEFAULT-VALUE})")
    Duration sessionLifetime;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "" + io.papi.recommender.SyntheticData.DEFAULT_SEED,
            description = "Seed of the synthetic data, on first run (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--exit",
            description = "Stop after the first lookup instead of serving until Ctrl-C (for scripts and CI)")
    boolean exitAfterLookup;

    static final String HOST = "127.0.0.1";

    @Override
    protected int run() throws Exception {
        Path dir = localDir.resolve(environment());
        Path keys = keysDir != null ? keysDir : environment().papiHome().resolve("keys");
        List<AutoCloseable> started = new ArrayList<>();
        try {
            LocalAccount account = LocalAccount.open(dir);
            started.add(account);
            step("Local account " + account.name() + " in " + account.directory());

            LocalData data = new LocalData(dir, LookupTable.DEFAULT_NAME);
            long rows = data.rows();
            if (rows == 0) {
                step("Generating synthetic ratings (seed " + seed + ") and recommending for every user...");
                long t0 = System.nanoTime();
                int users = data.create(seed, ProgressListener.NONE);
                step("Published recommendations for " + users + " users in " + (System.nanoTime() - t0) / 1_000_000
                        + " ms");
            } else {
                step("Reusing " + rows + " users' recommendations");
            }

            io.papi.cli.stack.LocalLists.Lists lists = recipeLists(dir);

            ServiceKeys serviceKeys = ServiceKeys.loadOrCreate(keys, "rsa_key");
            step((serviceKeys.created() ? "Created" : "Reusing") + " key pair " + serviceKeys.privateKeyFile());
            step("Service user: " + account.users().create(USER, ROLE, serviceKeys.publicKey()));

            LocalTokenEndpoint tokens = Ports.tokenEndpoint(account, HOST, tokenPort, "--token-port", sessionLifetime);
            started.add(tokens::stop);
            String endpoint = HOST + ":" + apiPort;
            var store = Stores.h2(LocalStore.jdbcUrl(dir), LookupTable.DEFAULT_NAME);
            started.add(store);
            ApiConfig config = ApiConfig.builder().host(HOST).port(apiPort).build();
            ApiServer api = Ports.bind(
                    "the API",
                    HOST,
                    apiPort,
                    "--api-port",
                    () -> ApiServer.start(config, store, new LocalIngressAuth(account.verifier(), endpoint)));
            started.add(() -> api.stop(Duration.ofSeconds(5)));

            Path brokerDir = environment().papiHome().resolve("broker");
            Identity identity = Identity.builder("quickstart")
                    .account(AccountIdentifier.parse(account.name()))
                    .user(USER)
                    .privateKeyFile(serviceKeys.privateKeyFile())
                    .passphrase(PassphraseSource.none())
                    .scope(new TokenScope(ROLE, endpoint))
                    .exchange(TokenExchange.builder()
                            .tokenUrl(tokens.tokenUrl())
                            .timeout(Duration.ofSeconds(10))
                            .build())
                    .build();
            Path secretFile = BrokerSecret.defaultFile(environment().papiHome());
            BrokerConfig brokerConfig = BrokerConfig.builder()
                    .identity(identity)
                    .listen(new InetSocketAddress(HOST, brokerPort))
                    .authToken(BrokerSecret.readOrCreate(secretFile))
                    .sinks(brokerDir.resolve("token"), brokerDir.resolve("header"))
                    .proxy(new InetSocketAddress(HOST, proxyPort), URI.create("http://" + endpoint))
                    .build();
            BrokerServer broker = Ports.bind(
                    "the broker",
                    HOST,
                    brokerPort,
                    "--broker-port (or --proxy-port " + proxyPort + ")",
                    () -> BrokerServer.start(brokerConfig));
            started.add(broker);
            if (!broker.awaitReady(Duration.ofSeconds(30))) {
                throw PapiException.failure("the broker holds no token after 30 s: "
                        + broker.broker().status());
            }
            // a token with a little life left is enough for one lookup; short sessions (--session-lifetime 30s) too
            SessionToken token;
            try {
                token = broker.broker().source(Optional.empty()).get(Duration.ofSeconds(5));
            } catch (TokenUnavailableException e) {
                throw PapiException.failure("the broker has no usable token: " + e.getMessage());
            }
            step("Broker holds session token " + token.hash() + " until " + token.expiresAt());

            String id = data.firstUserId().orElseThrow(() -> PapiException.failure("the lookup table is empty"));
            String apiUrl = "http://" + endpoint;
            String brokerUrl = "http://" + HOST + ":" + broker.port();
            String proxyUrl = "http://" + HOST + ":" + broker.proxyPort();
            lookup(apiUrl + "/customer/" + id, token);

            out().println();
            out().println("API:        " + apiUrl + "/   (every request needs a session token)");
            out().println("Proxy:      " + proxyUrl + "/   (the broker adds the token: no token handling at all)");
            out().println("Test page:  " + proxyUrl + "/test");
            out().println("Broker:     " + brokerUrl
                    + "/token   (send X-Papi-Broker: 1 and the secret; also /header, /token.json, /metrics)");
            out().println("Secret:     " + secretFile
                    + "   (0600: only you can take tokens; the proxy is open to local processes)");
            out().println("Token URL:  " + tokens.tokenUrl());
            out().println("Header file " + brokerDir.resolve("header")
                    + " (rewritten on every refresh; curl -H @file)");
            out().println();
            out().println("Try it:");
            out().println("  curl " + proxyUrl + "/customer/" + id + ",186");
            out().println("  curl -H @" + brokerDir.resolve("header") + " " + apiUrl + "/customer/" + id);
            out().println("  curl -H \"$("
                    + BrokerCurl.line(brokerUrl, "/header", secretFile).replace("curl ", "curl -s ") + ")\" " + apiUrl
                    + "/customer/" + id);
            printListRoutes(proxyUrl, lists);
            out().flush();
            if (exitAfterLookup) {
                RunUntilStopped.closeAll(started, leaving -> {}); // best effort: the lookup succeeded
                return 0;
            }
            out().println();
            out().println("Serving until Ctrl-C.");
            out().flush();
            RunUntilStopped.await(out(), started);
            return 0;
        } catch (Exception e) {
            RunUntilStopped.closeAll(started, e::addSuppressed);
            throw e;
        }
    }

    private void lookup(String url, SessionToken token) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", token.authorizationHeader())
                .GET()
                .build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - t0) / 1000;
        if (response.statusCode() != 200) {
            throw PapiException.failure(
                    "the first lookup failed: HTTP " + response.statusCode() + " " + response.body());
        }
        step("Authenticated lookup GET " + url + " -> 200 in " + micros / 1000.0 + " ms:");
        out().println(response.body());
    }

    /** E-commerce events, their datasets and papi's recipe lists, made once and then reused. */
    private io.papi.cli.stack.LocalLists.Lists recipeLists(Path dir) throws Exception {
        if (io.papi.cli.stack.LocalLists.rows(dir) > 0) {
            step("Reusing the recipe lists (" + io.papi.cli.stack.LocalLists.rows(dir) + " rows; delete "
                    + dir.resolve("recipes") + " and the local store to rebuild)");
            return null;
        }
        step("Generating synthetic e-commerce events, their datasets and the recipe lists...");
        long t0 = System.nanoTime();
        io.papi.cli.stack.LocalLists.Lists lists = io.papi.cli.stack.LocalLists.create(dir);
        step("Published " + lists.rows() + " lists in " + (System.nanoTime() - t0) / 1_000_000
                + " ms (docs/recipes.md)");
        return lists;
    }

    /** One curl line per list route; with reused lists the item and user are placeholders. */
    private void printListRoutes(String proxyUrl, io.papi.cli.stack.LocalLists.Lists lists) {
        String item = lists != null && lists.seedItem() != null ? lists.seedItem() : "ITEM_ID";
        String user = lists != null && lists.user() != null ? lists.user() : "USER_ID";
        for (String route : List.of(
                "/item/" + item + "/similar",
                "/item/" + item + "/also-viewed",
                "/item/" + item + "/bought-together?n=5",
                "/popular/most-viewed?n=5",
                "/popular/best-sellers?n=5",
                "/popular/most-popular?n=5&user=" + user,
                "/trending?n=5")) {
            out().println("  curl '" + proxyUrl + route + "'");
        }
        out().println("  curl -X POST -H 'Content-Type: application/json' " + proxyUrl
                + "/recommendations -d '{\"recommenderArn\":"
                + "\"arn:aws:personalize:us-east-1:1:recommender/aws-ecomm-frequently-bought-together\",\"itemId\":\""
                + item + "\"}'");
    }

    private void step(String line) {
        out().println("• " + line);
        out().flush();
    }
}
