package io.papi.local;

import io.papi.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests against account LOCAL, opened in a fresh directory before each test on a clock that moves when told. */
abstract class OpenAccountTest {
    @TempDir
    Path directory;

    final MutableClock clock;
    LocalAccount account;

    OpenAccountTest(Instant start) {
        this.clock = new MutableClock(start);
    }

    @BeforeEach
    void openAccount() throws Exception {
        account = LocalAccount.open(directory, "LOCAL", clock);
    }

    @AfterEach
    void closeAccount() {
        account.close();
    }
}
