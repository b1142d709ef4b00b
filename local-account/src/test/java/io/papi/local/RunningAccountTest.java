package io.papi.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.papi.testing.TestKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of the running {@code /oauth/token} share: one local account per test class with the user
 * {@code SVC_DATA_API} (role {@code DATA_API_ROLE}, ALICE's key), its endpoint on a free loopback port, and a client.
 */
abstract class RunningAccountTest {
    static final String ENDPOINT = "abcd-myorg-myacct.snowflakecomputing.app";
    static final String SCOPE = "session:role:DATA_API_ROLE " + ENDPOINT;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    static LocalAccount account;
    static LocalTokenEndpoint endpoint;
    static TokenClient client;

    @BeforeAll
    static void startAccount() throws Exception {
        account = LocalAccount.open(directory);
        account.users().create("SVC_DATA_API", "DATA_API_ROLE", TestKeys.publicKey(TestKeys.ALICE));
        endpoint =
                account.startServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofMinutes(10));
        client = new TokenClient(endpoint.tokenUrl());
    }

    @AfterAll
    static void stopAccount() {
        account.close();
    }

    static DriverJwtBuilder jwt() {
        return DriverJwtBuilder.of("SVC_DATA_API", TestKeys.ALICE);
    }
}
