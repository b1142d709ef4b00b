package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import okhttp3.FormBody;
import org.junit.jupiter.api.Test;

/** A sink cannot fail silently: it is made writable at start, or the start stops; a later failure shows in /readyz. */
class SinkRulesTest extends RunningBrokerTest {

    @Test
    void missingSinkFoldersAreCreatedOwnerOnlyAndTheSinkIsWritten() throws Exception {
        issueTokensLiving(600);
        Path token = dir.resolve("run").resolve("papi").resolve("token");
        Path header = dir.resolve("run").resolve("papi").resolve("header");

        start(config().sinks(token, header));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("run"))))
                .isEqualTo("rwx------");
        assertThat(broker.awaitReady(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(token) && Files.exists(header));
        assertThat(Files.readString(token)).isEqualTo(ISSUER.issued().get(0).token());
        try (var files = Files.list(token.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("token", "header");
        }
    }

    @Test
    void aSinkThatCannotBeWrittenStopsTheStartNamingTheFile() throws Exception {
        issueTokensLiving(600);
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Path token = notAFolder.resolve("token");

        assertThatThrownBy(() -> BrokerServer.start(config().sinks(token, null).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot write sink " + token + ": ")
                .hasMessageNotContaining("\n");
        assertThat(exchanges()).isZero();
    }

    @Test
    void aSinkThatFailsLaterTurnsReadyzTo503NamingTheFileUntilAWriteSucceeds() throws Exception {
        issueTokensLiving(600);
        Path folder = Files.createDirectory(dir.resolve("sinks"));
        Path token = folder.resolve("token");
        start(config().sinks(token, null));
        assertThat(broker.awaitReady(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(token));
        assertThat(get("/readyz").status()).isEqualTo(200);

        Files.delete(token);
        Files.delete(folder);
        Files.writeString(folder, "in the way"); // the next write cannot create its temporary file
        invalidateHeldToken();

        await().atMost(Duration.ofSeconds(10)).until(() -> get("/readyz").status() == 503);
        JsonNode ready = get("/readyz").json();
        assertThat(ready.get("reason").asText()).isEqualTo("sink_failed");
        assertThat(ready.get("sink_failures").get(0).asText()).startsWith("cannot write sink " + token);

        Files.delete(folder);
        Files.createDirectory(folder);
        invalidateHeldToken();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/readyz").status() == 200);
        assertThat(Files.readString(token))
                .isEqualTo(ISSUER.issued().get(ISSUER.issued().size() - 1).token());
    }

    private void invalidateHeldToken() {
        String hash = get("/token.json").json().get("token_hash").asText();
        Answer answer = call(tokenRequest("/invalidate")
                .post(new FormBody.Builder().add("token_hash", hash).build())
                .build());
        assertThat(answer.status()).isEqualTo(200);
    }
}
