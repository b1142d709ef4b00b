package io.papi.cli.command;

import io.papi.broker.BrokerConfig;
import io.papi.broker.BrokerSecret;
import io.papi.broker.BrokerServer;
import io.papi.broker.ForwardingProxy;
import io.papi.broker.Identity;
import io.papi.broker.KeyFileException;
import io.papi.broker.RefreshPolicy;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenUnavailableException;
import io.papi.cli.PapiException;
import io.papi.cli.call.BrokerCurl;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import io.papi.cli.stack.HangupSignal;
import io.papi.cli.stack.RunUntilStopped;
import io.papi.serving.PemTls;
import io.papi.serving.ServerAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi broker}: the sidecar that always holds a valid session token and hands it out locally. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Keep SPCS session tokens fresh and hand them out on loopback.",
            "One or more identities, served:",
            "  GET /token, /token.json, /header (send 'X-Papi-Broker: 1' and",
            "  'Authorization: Bearer <secret>'; ?identity=NAME, ?min_valid=30s),",
            "  POST /invalidate (token_hash=... after a 401), /livez, /readyz, /metrics;",
            "to files (--sink-file, --header-file) and through a forwarding proxy",
            "(--proxy-listen, --proxy-to).",
            "Who can take a token: whoever can read the secret file",
            "($PAPI_HOME/broker/secret, 0600, created on first start), or open the",
            "socket of --listen unix:/path (0600). The proxy hands out answers, never",
            "the token, and is open to local processes like kubectl proxy;",
            "--proxy-auth asks for the secret there too.",
            "SIGHUP or a changed key file reloads the keys; SIGTERM drains and exits 0.",
            "See docs/broker.md."
        })
public final class BrokerCommand extends PapiSubcommand {
    /** The single identity, and where and how every identity exchanges its JWTs. */
    @Mixin
    ExchangeOptions exchange = new ExchangeOptions();

    @Option(
            names = "--identity",
            paramLabel = "NAME=CONNECTION",
            description =
                    "An identity from a connection in connections.toml; repeat for several (env PAPI_BROKER_IDENTITIES, comma-separated)")
    List<String> identities = new ArrayList<>();

    @Option(
            names = "--pat-file",
            paramLabel = "FILE",
            description =
                    "Exchange a programmatic access token from FILE instead of a key-pair JWT, as papi token --pat-file does; "
                            + "read again for every refresh (with --identity: token_file_path in the connection)")
    Path patFile;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT|unix:PATH",
            description =
                    "Token API address, or a Unix socket created 0600 whose mode is the guard (env PAPI_BROKER_LISTEN; default 127.0.0.1:8081)")
    String listen;

    @Option(
            names = "--auth-token-file",
            paramLabel = "FILE",
            description =
                    "The secret token callers send as 'Authorization: Bearer <secret>' (env PAPI_BROKER_AUTH_TOKEN_FILE; "
                            + "default $PAPI_HOME/broker/secret, created 0600 when missing)")
    String authTokenFile;

    @Option(
            names = "--no-caller-auth",
            description =
                    "Ask token callers for 'X-Papi-Broker: 1' only, no secret: for a pod or container whose network namespace "
                            + "is the boundary, as cloud metadata servers do (loopback only; env PAPI_BROKER_NO_CALLER_AUTH)")
    boolean noCallerAuth;

    @Option(
            names = "--proxy-auth",
            description =
                    "The proxy asks for 'Proxy-Authorization: Bearer <secret>' too; without it, it is open on loopback (env PAPI_PROXY_AUTH)")
    boolean proxyAuth;

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "Certificate chain for TCP listeners; required beyond loopback (env PAPI_TLS_CERT)")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "PKCS#8 key of --tls-cert (env PAPI_TLS_KEY)")
    String tlsKey;

    @Option(
            names = "--sink-file",
            paramLabel = "PATH",
            description =
                    "Rewrite PATH with the token on every refresh, 0600 ({identity} for several) (env PAPI_SINK_FILE)")
    String sinkFile;

    @Option(
            names = "--header-file",
            paramLabel = "PATH",
            description = "Rewrite PATH with the Authorization header line, for curl -H @PATH (env PAPI_HEADER_FILE)")
    String headerFile;

    @Option(
            names = "--proxy-listen",
            paramLabel = "HOST:PORT",
            description =
                    "Run a forwarding proxy that adds the token (env PAPI_PROXY_LISTEN; default 127.0.0.1:8082 with --proxy-to)")
    String proxyListen;

    @Option(
            names = "--proxy-to",
            paramLabel = "URL",
            description = "Where the proxy forwards to (env PAPI_PROXY_TO; default https://<endpoint>)")
    String proxyTo;

    @Option(
            names = "--refresh-at",
            paramLabel = "FRACTION",
            description =
                    "Refresh when this share of a token's life remains, never later than 60 s before expiry (env PAPI_REFRESH_AT; default 0.25)")
    String refreshAt;

    @Option(
            names = "--once",
            description = "Exchange once, write the sink files and exit (env PAPI_BROKER_ONCE; for cron and CI)")
    boolean once;

    @Override
    protected int run() throws Exception {
        Settings global = new Settings(environment(), null, this::warn);
        List<Identity> list =
                new BrokerIdentities(exchange, environment(), this::warn, patFile).resolve(identitySpecs(global));
        BrokerConfig.Builder config = BrokerConfig.builder()
                .identities(list)
                .policy(policy(global))
                .clock(environment().clock());
        config.sinks(
                global.get(Setting.SINK_FILE, sinkFile).map(Path::of).orElse(null),
                global.get(Setting.HEADER_FILE, headerFile).map(Path::of).orElse(null));
        ServerAddress api = ListenAddress.parseWithSocket(global.require(Setting.BROKER_LISTEN, listen), "--listen");
        config.listen(api);
        boolean runOnce = once || flag(global, Setting.BROKER_ONCE);
        boolean openCallers = noCallerAuth || flag(global, Setting.BROKER_NO_CALLER_AUTH);
        boolean guardedProxy = proxyAuth || flag(global, Setting.PROXY_AUTH);
        if (openCallers) {
            config.noCallerAuth();
        }
        if (guardedProxy) {
            config.proxyAuth();
        }
        tls(global, config);
        if (!runOnce) {
            proxy(global, list, config);
            secret(global, config, api instanceof ServerAddress.Tcp && !openCallers || guardedProxy);
        }
        BrokerConfig built = usage(config::build);
        return runOnce ? once(built) : serve(built);
    }

    private static boolean flag(Settings global, Setting setting) {
        return global.get(setting, null)
                .map(v -> v.equals("true") || v.equals("1"))
                .orElse(false);
    }

    /** The secret: --auth-token-file when given, else the default file (created when missing) when one is needed. */
    private void secret(Settings global, BrokerConfig.Builder config, boolean needed) {
        var given = global.get(Setting.BROKER_AUTH_TOKEN_FILE, authTokenFile);
        if (given.isPresent()) {
            usage(() -> config.authTokenFile(Path.of(given.get())));
            secretFile = Path.of(given.get());
            return;
        }
        if (!needed) {
            return;
        }
        Path file = BrokerSecret.defaultFile(environment().papiHome());
        try {
            config.authToken(BrokerSecret.readOrCreate(file));
        } catch (IOException e) {
            throw PapiException.usage("cannot use the broker secret " + file + ": " + e.getMessage()
                    + "; give another with --auth-token-file");
        } catch (IllegalArgumentException e) {
            throw PapiException.usage("the broker secret " + file
                    + " must be one line of printable ASCII: delete it and a new one is written");
        }
        secretFile = file;
    }

    private Path secretFile;

    private void tls(Settings global, BrokerConfig.Builder config) {
        var cert = global.get(Setting.TLS_CERT, tlsCert);
        var key = global.get(Setting.TLS_KEY, tlsKey);
        if (cert.isPresent() != key.isPresent()) {
            throw PapiException.usage("give --tls-cert and --tls-key together");
        }
        if (cert.isPresent()) {
            PemTls tls = new PemTls(Path.of(cert.get()), Path.of(key.get()));
            usage(tls::contextFactory); // read both files now, so that a bad one stops the start with its name
            config.tls(tls);
        }
    }

    private List<String> identitySpecs(Settings global) {
        if (!identities.isEmpty()) {
            return identities;
        }
        return global.get(Setting.BROKER_IDENTITIES, null)
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private RefreshPolicy policy(Settings global) {
        String value = global.require(Setting.REFRESH_AT, refreshAt);
        double fraction;
        try {
            fraction = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            fraction = Double.NaN;
        }
        double chosen = fraction;
        return usage(() -> RefreshPolicy.builder().refreshAt(chosen).build());
    }

    private void proxy(Settings global, List<Identity> list, BrokerConfig.Builder config) {
        var listenAt = global.get(Setting.PROXY_LISTEN, proxyListen);
        var target = global.get(Setting.PROXY_TO, proxyTo);
        if (listenAt.isEmpty() && target.isEmpty()) {
            return;
        }
        InetSocketAddress address = ListenAddress.parse(listenAt.orElse("127.0.0.1:8082"), "--proxy-listen");
        String to = target.orElse("https://" + list.get(0).scope().endpoint());
        URI uri;
        try {
            uri = new URI(to);
        } catch (java.net.URISyntaxException e) {
            throw PapiException.usage("--proxy-to '" + to + "' is not a URL such as https://<ingress host>");
        }
        usage(() ->
                ForwardingProxy.validUpstream(uri)); // before the secret is written: bad input leaves nothing behind
        usage(() -> config.proxy(address, uri));
    }

    private int once(BrokerConfig config) throws InterruptedException {
        if (config.sinks().isEmpty()) {
            throw PapiException.usage("--once writes the token to files: give --sink-file and/or --header-file");
        }
        Map<String, SessionToken> tokens;
        try {
            tokens = BrokerServer.once(config);
        } catch (TokenUnavailableException e) {
            throw PapiException.failure(e.getMessage());
        } catch (IOException e) {
            throw PapiException.failure(e.getMessage());
        }
        for (Map.Entry<String, SessionToken> entry : tokens.entrySet()) {
            SessionToken token = entry.getValue();
            List<String> files = new ArrayList<>();
            config.sinks().tokenFile(entry.getKey()).ifPresent(p -> files.add(p.toString()));
            config.sinks().headerFile(entry.getKey()).ifPresent(p -> files.add(p.toString()));
            out().println("identity " + entry.getKey() + ": token " + token.hash() + " expires " + token.expiresAt()
                    + " (in " + token.remaining(environment().clock()).toSeconds() + " s); wrote "
                    + String.join(", ", files));
        }
        return 0;
    }

    private int serve(BrokerConfig config) throws InterruptedException {
        ServerAddress api = config.listen();
        BrokerServer server;
        try {
            server = BrokerServer.start(config);
        } catch (KeyFileException e) {
            throw PapiException.usage(e.getMessage());
        } catch (IllegalArgumentException e) { // a sink that cannot be written, TLS files that cannot be used
            throw PapiException.usage(e.getMessage());
        } catch (java.net.BindException e) {
            throw PapiException.failure("cannot listen on " + api
                    + config.proxy().map(p -> " or " + address(p.listen())).orElse("")
                    + ": the address is in use (is papi broker already running?); choose another with --listen"
                    + (config.proxy().isPresent() ? " or --proxy-listen" : ""));
        } catch (IOException e) {
            throw PapiException.failure("cannot start the broker on " + api + ": " + e.getMessage());
        }
        String base = server.address();
        out().println("Broker:  " + base + "  (identities: "
                + String.join(", ", server.broker().identities()) + ")");
        if (secretFile != null) {
            out().println("Secret:  " + secretFile + "  (0600; whoever can read it can take tokens)");
        }
        if (server.proxyPort() > 0) {
            InetSocketAddress proxy = config.proxy().orElseThrow().listen();
            out().println("Proxy:   " + (config.tls().isPresent() ? "https://" : "http://") + hostForUrl(proxy) + ":"
                    + server.proxyPort()
                    + " -> " + config.proxy().orElseThrow().to()
                    + (config.proxySecret().isPresent()
                            ? "  (Proxy-Authorization: Bearer <secret>)"
                            : "  (open to local processes, like kubectl proxy)"));
        }
        out().println("Try:     "
                + BrokerCurl.tokenJson(base, config.callerSecret().isPresent() ? secretFile : null));
        HangupSignal.Outcome hangup = HangupSignal.onHangup(() -> reload(server));
        out().println("Serving until Ctrl-C or SIGTERM"
                + switch (hangup) {
                    case INSTALLED -> "; SIGHUP reloads the keys.";
                    case IGNORED ->
                        "; SIGHUP is ignored (this process was started with it ignored, as nohup does),"
                                + " so a changed key file is picked up by the 5 s check instead.";
                    case UNSUPPORTED -> ".";
                });
        out().flush();
        RunUntilStopped.await(out(), List.of(server));
        return 0;
    }

    private void reload(BrokerServer server) {
        try {
            server.reloadKeys();
            warn("SIGHUP: keys reloaded");
        } catch (KeyFileException e) {
            warn("SIGHUP: " + e.getMessage() + " (the previous key stays in use)");
        } catch (RuntimeException e) { // the signal's thread would end with a stack trace and no word of it
            warn("SIGHUP: the keys could not be reloaded (" + e + "); the previous keys stay in use");
        }
    }

    private static String address(InetSocketAddress address) {
        return hostForUrl(address) + ":" + address.getPort();
    }

    private static String hostForUrl(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Runs a configuration step, turning its IllegalArgumentException into a usage error. */
    private static <T> T usage(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }
}
