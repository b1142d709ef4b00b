package io.papi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartCommandTest {
    @TempDir
    Path home;

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private CliRun.Result quickstart() throws IOException {
        return quickstart(freePort());
    }

    /** papi quickstart --exit on free ports, its token endpoint on {@code tokenPort}. */
    private CliRun.Result quickstart(int tokenPort) throws IOException {
        return new CliRun(home)
                .env("PAPI_HOME", home.resolve("papi").toString())
                .run(
                        "quickstart",
                        "--exit",
                        "--api-port",
                        String.valueOf(freePort()),
                        "--token-port",
                        String.valueOf(tokenPort),
                        "--broker-port",
                        String.valueOf(freePort()),
                        "--proxy-port",
                        String.valueOf(freePort()));
    }

    @Test
    void runsTheWholeStackOnceAndReusesItTheSecondTime() throws Exception {
        var first = quickstart();
        first.succeeds();
        assertThat(first.out())
                .contains("Published recommendations for 943 users")
                .contains("Created key pair")
                .contains("created user SVC_DATA_API")
                .contains("Broker holds session token sha256:")
                .contains("-> 200")
                .contains("\"USER_ID\":1,\"RECOMMENDATIONS\":[{\"item_id\":")
                .contains("curl ");
        assertThat(home.resolve("papi/keys/rsa_key.p8")).exists();

        var second = quickstart();
        second.succeeds();
        assertThat(second.out())
                .contains("Reusing 943 users' recommendations")
                .contains("Reusing key pair")
                .doesNotContain("created user")
                .contains("-> 200");
    }

    @Test
    void aBusyPortIsOneClearLine() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            var result = quickstart(busy.getLocalPort());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("port " + busy.getLocalPort()).contains("--token-port");
        }
    }
}
