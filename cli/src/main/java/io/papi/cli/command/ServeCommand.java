package io.papi.cli.command;

import io.papi.api.ApiConfig;
import io.papi.api.ApiServer;
import io.papi.api.IngressAuth;
import io.papi.api.RecommendationStore;
import io.papi.api.Stores;
import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import io.papi.cli.snowflake.SnowflakeJdbc;
import io.papi.cli.stack.LocalIngressAuth;
import io.papi.cli.stack.LocalStore;
import io.papi.cli.stack.Ports;
import io.papi.cli.stack.RunUntilStopped;
import io.papi.local.LocalAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi serve}: the lookup API. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve recommendations over HTTP (the lookup API).",
            "Routes: GET /customer/{ids}, /test, /healthz, /readyz, /metrics.",
            "Reads the local account's embedded store (--store h2) or the Snowflake hybrid table (--store snowflake:",
            "inside SPCS with the service's OAuth token, elsewhere with your connection)."
        })
public final class ServeCommand extends PapiSubcommand {
    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description =
                    "Address to listen on (env PAPI_API_HOST; default 127.0.0.1, or 0.0.0.0 inside SPCS, where the SPCS token "
                            + "file is present). A non-loopback address with --auth none needs --insecure-no-auth outside SPCS.")
    String host;

    @Option(
            names = "--insecure-no-auth",
            description =
                    "Allow a non-loopback --host with --auth none outside SPCS: anyone who reaches the port reads recommendations")
    boolean insecureNoAuth;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port (env PAPI_API_PORT; default 8001, as in the guide)")
    Integer port;

    @Option(
            names = "--cache-ttl",
            paramLabel = "DURATION",
            description = "Per-id cache lifetime, 0 = off (env PAPI_CACHE_TTL; default 180s)")
    String cacheTtl;

    @Option(
            names = "--cache-size",
            paramLabel = "N",
            defaultValue = "100000",
            description = "Most ids cached (default: ${DEFAULT-VALUE})")
    long cacheSize;

    @Option(
            names = "--id-mode",
            paramLabel = "numeric|alphanumeric",
            defaultValue = "numeric",
            description = "What an id may be (default: ${DEFAULT-VALUE})")
    String idMode;

    @Option(
            names = "--max-ids",
            paramLabel = "N",
            defaultValue = "100",
            description = "Most ids in one request (default: ${DEFAULT-VALUE})")
    int maxIds;

    @Option(
            names = "--store-timeout",
            paramLabel = "DURATION",
            defaultValue = "2s",
            description = "Answer 503 when the store takes longer (default: ${DEFAULT-VALUE})")
    Duration storeTimeout;

    @Option(
            names = "--auth",
            paramLabel = "none|local",
            description =
                    "Ingress authentication: none (SPCS authenticates) or local session tokens (env PAPI_AUTH; default none)")
    String auth;

    @Option(
            names = "--endpoint",
            paramLabel = "HOST",
            description =
                    "With --auth local: the endpoint name tokens must carry (env PAPI_ENDPOINT; default 127.0.0.1:PORT)")
    String endpoint;

    @Option(
            names = "--redirect-unauthorized",
            paramLabel = "LOGIN_URL",
            description = "Answer unauthenticated requests with a 302 to LOGIN_URL, as SPCS does, instead of 401 JSON")
    String loginUrl;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Override
    protected int run() throws Exception {
        Settings settings = storeOptions.settings(this);
        ApiConfig config = config(settings);
        refuseOpenBindWithoutAuth(settings, config.host());
        List<AutoCloseable> started = new ArrayList<>();
        try {
            RecommendationStore recommendations = store(settings, started);
            IngressAuth ingress = ingress(settings, config.port(), started);
            ApiServer server = Ports.bind(
                    "the API",
                    config.host(),
                    config.port(),
                    "--port",
                    () -> ApiServer.start(config, recommendations, ingress));
            started.add(() -> server.stop(Duration.ofSeconds(10)));
            out().println("papi API on http://" + displayHost(config.host()) + ":" + server.port() + "/  (store "
                    + storeOptions.kind(settings) + ", auth " + ingress + "); Ctrl-C stops.");
            out().flush();
            RunUntilStopped.await(out(), started);
            return 0;
        } catch (RuntimeException e) {
            RunUntilStopped.closeAll(started, e::addSuppressed);
            throw e;
        }
    }

    ApiConfig config(Settings settings) {
        Duration ttl = ExchangeOptions.durationOrZero(settings, Setting.CACHE_TTL, cacheTtl);
        int p = Integer.parseInt(settings.require(Setting.API_PORT, port == null ? null : port.toString()));
        ApiConfig.Builder builder = ApiConfig.builder()
                .host(settings.explicit(Setting.API_HOST, host).orElse(defaultHost(insideSpcs(settings))))
                .port(p)
                .cacheTtl(ttl)
                .cacheMaxSize(cacheSize)
                .idMode(parseIdMode())
                .maxIds(maxIds)
                .storeTimeout(storeTimeout);
        if (loginUrl != null) {
            builder.unauthorizedMode(ApiConfig.UnauthorizedMode.REDIRECT_302).loginUrl(loginUrl);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }

    private ApiConfig.IdMode parseIdMode() {
        try {
            return ApiConfig.IdMode.valueOf(idMode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PapiException.usage("--id-mode must be numeric or alphanumeric, not '" + idMode + "'");
        }
    }

    private RecommendationStore store(Settings settings, List<AutoCloseable> started) throws Exception {
        StoreOption.Kind kind = storeOptions.kind(settings);
        String tableName = storeOptions.table(settings);
        RecommendationStore store = switch (kind) {
            case H2 -> Stores.h2(LocalStore.jdbcUrl(storeOptions.localDir.resolve(environment())), tableName);
            case SNOWFLAKE ->
                Stores.snowflake(
                        snowflakeDataSource(settings), tableName, parseIdMode().keyType());
        };
        started.add(store);
        return store;
    }

    /** Inside SPCS the service's own session; elsewhere the caller's connection. */
    private javax.sql.DataSource snowflakeDataSource(Settings settings) {
        var env = environment();
        if (env.get("SNOWFLAKE_HOST").isPresent()) {
            // inside SPCS: always the service's own session; a token file problem is named, never hidden
            // behind the connections.toml path (which would blame a missing SNOWFLAKE_USER)
            Path tokenFile = spcsTokenFile(settings);
            try {
                Stores.checkSpcsTokenFile(tokenFile);
                return Stores.spcsDataSource(env.variables(), tokenFile);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw PapiException.failure(
                        "SNOWFLAKE_HOST is set, so papi serve runs as an SPCS service, but " + e.getMessage());
            }
        }
        if (!storeOptions.connection.given()
                && settings.explicit(Setting.ACCOUNT, null).isEmpty()) {
            throw PapiException.usage(
                    "--store snowflake: not inside SPCS (SNOWFLAKE_HOST is not set) and no connection is "
                            + "configured; inside SPCS this runs as the service, elsewhere pass -c NAME (connections.toml) "
                            + "or set SNOWFLAKE_ACCOUNT and SNOWFLAKE_USER");
        }
        var target = SnowflakeJdbc.target(settings, null, null, null, storeOptions.passphrase.source(settings));
        return Stores.snowflakeDataSource(target.url(), target.properties());
    }

    private IngressAuth ingress(Settings settings, int apiPort, List<AutoCloseable> started) throws Exception {
        String kind = settings.require(Setting.AUTH, auth).toLowerCase(Locale.ROOT);
        switch (kind) {
            case "none" -> {
                return IngressAuth.none();
            }
            case "local" -> {
                LocalAccount account = LocalAccount.open(storeOptions.localDir.resolve(environment()));
                started.add(account);
                String name = settings.get(Setting.ENDPOINT, endpoint).orElse("127.0.0.1:" + apiPort);
                return new LocalIngressAuth(account.verifier(), name);
            }
            default -> throw PapiException.usage("--auth must be none or local, not '" + kind + "'");
        }
    }

    static String displayHost(String host) {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }

    /** Loopback by default; all interfaces inside SPCS, whose ingress reaches the container from outside it. */
    static String defaultHost(boolean insideSpcs) {
        return insideSpcs ? "0.0.0.0" : "127.0.0.1";
    }

    private static Path spcsTokenFile(Settings settings) {
        return Path.of(settings.require(Setting.SPCS_TOKEN_FILE, null));
    }

    /** Inside SPCS the platform mounts the session token file; its ingress authenticates every caller. */
    private static boolean insideSpcs(Settings settings) {
        return Files.exists(spcsTokenFile(settings));
    }

    private void refuseOpenBindWithoutAuth(Settings settings, String bindHost) {
        String kind = settings.require(Setting.AUTH, auth).toLowerCase(Locale.ROOT);
        if (kind.equals("none") && !isLoopback(bindHost) && !insideSpcs(settings) && !insecureNoAuth) {
            throw PapiException.usage(
                    "--host " + bindHost + " with --auth none would serve recommendations to anyone who reaches "
                            + "the port: use --auth local, bind 127.0.0.1, or pass --insecure-no-auth if that is what you want");
        }
    }

    /** Loopback without asking DNS: localhost, *.localhost, 127.0.0.0/8 and ::1 as literals. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
