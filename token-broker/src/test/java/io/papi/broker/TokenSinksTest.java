package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Token and header files: owner-only, rewritten on every refresh, never seen half-written. */
class TokenSinksTest extends RunningBrokerTest {

    private static SessionToken token(String value) {
        return new SessionToken(value, Instant.now().plusSeconds(600), false, Instant.now(), Optional.empty());
    }

    @Test
    void writesTheTokenAloneAndTheHeaderLineOwnerOnly() throws Exception {
        TokenSinks sinks = new TokenSinks(dir.resolve("token"), dir.resolve("header"));

        sinks.write("default", token("ver:1-hint:abc-0123456789"));

        assertThat(Files.readString(dir.resolve("token"))).isEqualTo("ver:1-hint:abc-0123456789");
        assertThat(Files.readString(dir.resolve("header")))
                .isEqualTo("Authorization: Snowflake Token=\"ver:1-hint:abc-0123456789\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("token"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("header"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aReaderNeverSeesAHalfWrittenFileAndNoTemporaryFileStaysBehind() throws Exception {
        Path sinkDir = Files.createDirectory(dir.resolve("sinks"));
        Path header = sinkDir.resolve("header");
        TokenSinks sinks = new TokenSinks(null, header);
        String shortToken = "S".repeat(40);
        String longToken = "L".repeat(20_000);
        sinks.write("default", token(shortToken));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> torn = new ArrayList<>();

        Thread reader = new Thread(() -> {
            while (writing.get()) {
                try {
                    String text = Files.readString(header);
                    reads.incrementAndGet();
                    if (!text.equals("Authorization: Snowflake Token=\"" + shortToken + "\"\n")
                            && !text.equals("Authorization: Snowflake Token=\"" + longToken + "\"\n")) {
                        torn.add(text.length() + " chars");
                    }
                } catch (java.io.IOException e) {
                    torn.add(e.toString()); // a missing file would be a gap between versions
                }
            }
        });
        reader.start();
        for (int i = 0; i < 300; i++) {
            sinks.write("default", token(i % 2 == 0 ? longToken : shortToken));
        }
        writing.set(false);
        reader.join(10_000);

        assertThat(reads.get()).isPositive();
        assertThat(torn).isEmpty();
        try (Stream<Path> files = Files.list(sinkDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("header");
        }
    }

    @Test
    void eachIdentityGetsItsOwnFiles() throws Exception {
        TokenSinks sinks = new TokenSinks(dir.resolve("{identity}.token"), dir.resolve("{identity}.header"));

        sinks.write("billing", token("billing-token-0123456789"));
        sinks.write("reporting", token("reporting-token-0123456789"));

        assertThat(Files.readString(dir.resolve("billing.token"))).isEqualTo("billing-token-0123456789");
        assertThat(Files.readString(dir.resolve("reporting.token"))).isEqualTo("reporting-token-0123456789");
        assertThat(sinks.namesIdentity()).isTrue();
    }

    @Test
    void aFileThatCannotBeWrittenIsNamed() {
        TokenSinks sinks = new TokenSinks(dir.resolve("missing-dir").resolve("token"), null);

        assertThatThrownBy(() -> sinks.write("default", token("ver:1-hint:abc-0123456789")))
                .hasMessageContaining(
                        "cannot write sink " + dir.resolve("missing-dir").resolve("token"))
                .hasMessageNotContaining("ver:1-hint");
    }

    @Test
    void theBrokerRewritesTheFilesOnEveryRefresh() throws Exception {
        issueTokensLiving(4); // refreshed after 10 % of its life: about every 0.4 s
        Path token = dir.resolve("token");
        start(config().sinks(token, dir.resolve("header"))
                .policy(RefreshPolicy.builder().minMargin(Duration.ZERO).build()));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(token));
        String first = Files.readString(token);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !Files.readString(token).equals(first));

        assertThat(ISSUER.issued())
                .extracting(io.papi.testing.TokenIssuer.Issued::token)
                .contains(Files.readString(token));
    }
}
