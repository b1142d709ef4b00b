package io.papi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.papi.lookup.LookupTable;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * The real pool against a real database that goes away: an H2 TCP server stopped and started again. While it is
 * gone, uncached ids get 503 within the store timeout and cached ones 200; once it is back, the store reconnects
 * by itself.
 */
class H2RecoveryTest {

    @Test
    void servesAgainOnceTheDatabaseComesBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Server db = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists")
                .start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:recovery;DB_CLOSE_DELAY=-1";
        try (RecommendationStore store = Stores.h2(url, LookupTable.DEFAULT_NAME)) {
            try (Connection c = DriverManager.getConnection(url);
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO MOVIE_RECOMMENDATIONS_HYBRID VALUES ('22', '[\"a\"]'), ('186', '[\"b\"]')");
            }
            try (RunningApi api = RunningApi.start(
                    ApiConfig.builder().storeTimeout(Duration.ofMillis(1_000)), store, IngressAuth.none())) {
                assertThat(api.get("/customer/22").statusCode()).isEqualTo(200);

                db.stop();
                long start = System.nanoTime();
                int down = api.get("/customer/186").statusCode();
                long tookMillis = (System.nanoTime() - start) / 1_000_000;
                assertThat(down).isEqualTo(503);
                assertThat(tookMillis).isLessThan(2_500);
                assertThat(api.get("/customer/22").statusCode()).isEqualTo(200);
                assertThat(api.get("/readyz").statusCode()).isEqualTo(503);

                db = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists")
                        .start();

                await().atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> api.get("/customer/186").statusCode() == 200);
                assertThat(api.get("/customer/186").body())
                        .isEqualTo("[{\"USER_ID\":186,\"RECOMMENDATIONS\":[\"b\"]}]");
                assertThat(api.get("/readyz").statusCode()).isEqualTo(200);
            }
        } finally {
            db.stop();
        }
    }
}
