package io.papi.api.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.papi.api.ApiConfig;
import io.papi.api.ApiServer;
import io.papi.api.AuthDecision;
import io.papi.api.IngressAuth;
import io.papi.api.RecommendationStore;
import io.papi.api.Stores;
import io.papi.api.store.ConnectionPools;
import io.papi.api.store.JdbcRecommendationStore;
import io.papi.api.store.LookupSql;
import io.papi.lookup.LookupTable;
import io.papi.lookup.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts an ApiServer on loopback for bench/api-bench.sh: an H2 store filled with 943 synthetic users' made-up
 * recommendations (10 items each), optionally behind an IngressAuth that looks the session token up in a map,
 * as the local account's verifier does once a token is known. Prints {@code READY port=<port>} and serves until
 * killed or {@code --max-seconds} pass.
 *
 * <p>Options ({@code --name=value}): cache-ttl-seconds (180), auth (none|map|map-blocking), max-threads, acceptors,
 * selectors,
 * store-threads, h2-mode (confined|hikari: Stores.h2's connection per store thread, or the HikariCP pool it
 * replaced, kept here to measure against), h2-pool (8, hikari mode only), port (0), max-seconds (900).
 */
public final class BenchServer {
    static final int USERS = 943;
    static final int ITEMS_PER_USER = 10;
    static final String BENCH_TOKEN = "bench-session-token";

    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Path dir = Files.createTempDirectory("papi-bench");
        String url = "jdbc:h2:file:" + dir.resolve("store") + ";AUTO_SERVER=TRUE";
        RecommendationStore confined = Stores.h2(url, LookupTable.DEFAULT_NAME);
        RecommendationStore store = confined;
        if ("hikari".equals(opt.get("h2-mode"))) {
            confined.close();
            store = hikariH2(url, Integer.parseInt(opt.getOrDefault("h2-pool", "8")));
        }
        RecommendationStore serving = store;
        fill(url);

        ApiConfig.Builder config = ApiConfig.builder()
                .host("127.0.0.1")
                .port(Integer.parseInt(opt.getOrDefault("port", "0")))
                .cacheTtl(Duration.ofSeconds(Long.parseLong(opt.getOrDefault("cache-ttl-seconds", "180"))));
        if (opt.containsKey("max-threads")) {
            config.maxThreads(Integer.parseInt(opt.get("max-threads")));
        }
        if (opt.containsKey("acceptors")) {
            config.acceptors(Integer.parseInt(opt.get("acceptors")));
        }
        if (opt.containsKey("selectors")) {
            config.selectors(Integer.parseInt(opt.get("selectors")));
        }
        if (opt.containsKey("store-threads")) {
            config.storeConcurrency(Integer.parseInt(opt.get("store-threads")));
        }
        String authMode = opt.getOrDefault("auth", "none");
        IngressAuth auth = switch (authMode) {
            case "none" -> IngressAuth.none();
            case "map" -> mapAuth(false);
            case "map-blocking" -> mapAuth(true);
            default -> throw new IllegalArgumentException("--auth is none, map or map-blocking, got " + authMode);
        };

        ApiServer server = ApiServer.start(config.build(), serving, auth);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(Duration.ofSeconds(2));
            serving.close();
            deleteQuietly(dir);
        }));
        System.out.println("READY port=" + server.port() + " config=" + config.build());
        System.out.flush();
        Thread.sleep(Long.parseLong(opt.getOrDefault("max-seconds", "900")) * 1000);
        System.exit(0);
    }

    /** The H2 store as it was before the thread-confined one: a HikariCP pool, a statement prepared per lookup. */
    static RecommendationStore hikariH2(String url, int poolSize) {
        HikariConfig config = ConnectionPools.common("bench-h2", poolSize);
        config.setJdbcUrl(url);
        config.setDriverClassName("org.h2.Driver");
        HikariDataSource pool = new HikariDataSource(config);
        return new JdbcRecommendationStore(
                pool,
                new LookupSql(TableName.of(LookupTable.DEFAULT_NAME), LookupSql.Dialect.H2),
                pool,
                "hikari h2 store (bench)");
    }

    /**
     * Session token -> user, looked up per request: what a verifier costs once it has seen the token. It never
     * waits, and says so ({@link IngressAuth#mayBlock()} false) unless {@code blocking} asks to measure the
     * thread hand-off a blocking implementation costs.
     */
    static IngressAuth mapAuth(boolean blocking) {
        Map<String, String> sessions = new ConcurrentHashMap<>();
        sessions.put(BENCH_TOKEN, "BENCH_USER");
        String prefix = "Snowflake Token=\"";
        return new IngressAuth() {
            @Override
            public AuthDecision check(String header) {
                if (header == null || !header.startsWith(prefix) || !header.endsWith("\"")) {
                    return AuthDecision.denied("missing Authorization: Snowflake Token=\"...\"");
                }
                String user = sessions.get(header.substring(prefix.length(), header.length() - 1));
                return user == null ? AuthDecision.denied("unknown session token") : AuthDecision.allowed(user);
            }

            @Override
            public boolean mayBlock() {
                return blocking;
            }
        };
    }

    /** 943 users, each with 10 made-up movies and scores; fixed seed so every run serves the same bytes. */
    static void fill(String url) throws Exception {
        Random random = new Random(943);
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s =
                        c.prepareStatement("MERGE INTO MOVIE_RECOMMENDATIONS_HYBRID KEY (USER_ID) VALUES (?, ?)")) {
            c.setAutoCommit(false);
            for (int user = 1; user <= USERS; user++) {
                StringBuilder json = new StringBuilder("[");
                double score = 4.5 + random.nextDouble() * 0.5;
                for (int i = 0; i < ITEMS_PER_USER; i++) {
                    int item = 1 + random.nextInt(1682);
                    score -= random.nextDouble() * 0.3;
                    json.append(i == 0 ? "" : ",")
                            .append("{\"item_id\":")
                            .append(item)
                            .append(",\"movie_name\":\"Synthetic Movie ")
                            .append(item)
                            .append(" (")
                            .append(1950 + random.nextInt(49))
                            .append(")\",\"movie_score\":\"")
                            .append(String.format(Locale.ROOT, "%.2f", score))
                            .append("\"}");
                }
                s.setString(1, Integer.toString(user));
                s.setString(2, json.append(']').toString());
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
        }
    }

    /** The bench's scratch database goes when the bench does. */
    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, got " + arg);
            }
            opt.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return opt;
    }
}
