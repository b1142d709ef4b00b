package io.papi.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An identity may exchange a programmatic access token instead of a key-pair JWT, refreshed the same way. */
class PatIdentityTest extends RunningBrokerTest {

    private Identity patIdentity(Path patFile) {
        return stubIdentity("default", "svc_pat", stubExchange(Duration.ofSeconds(5)))
                .patFile(patFile)
                .build();
    }

    @Test
    void aPatIsExchangedAsPapiTokenDoesAndReadAgainForEveryRefresh() throws Exception {
        issueTokensLiving(600);
        Path pat = Files.writeString(dir.resolve("pat"), "pat-secret-one\n");
        start(config(patIdentity(pat)));

        assertThat(get("/token").body()).isEqualTo(ISSUER.issued().get(0).token());
        Files.writeString(pat, "pat-secret-two\n"); // rotated
        String hash = get("/token.json").json().get("token_hash").asText();
        assertThat(call(tokenRequest("/invalidate?token_hash=" + hash)
                                .post(okhttp3.RequestBody.create(new byte[0]))
                                .build())
                        .status())
                .isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> exchanges() == 2);

        List<LoggedRequest> requests = snowflake.findAll(postRequestedFor(urlEqualTo("/oauth/token")));
        assertThat(requests.get(0).getBodyAsString())
                .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange")
                .contains("subject_token=pat-secret-one")
                .contains("subject_token_type=programmatic_access_token")
                .doesNotContain("assertion=");
        assertThat(requests.get(1).getBodyAsString()).contains("subject_token=pat-secret-two");
        snowflake.verify(2, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("scope=")));
    }

    @Test
    void aPatFileThatCannotBeUsedStopsTheStartNamingTheFileNotItsContent() throws Exception {
        Path missing = dir.resolve("missing-pat");
        Path twoWords = Files.writeString(dir.resolve("pat"), "two words\n");

        assertThatThrownBy(() ->
                        RefreshingTokenSource.builder(patIdentity(missing)).build())
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() ->
                        RefreshingTokenSource.builder(patIdentity(twoWords)).build())
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("one token")
                .hasMessageNotContaining("two words");
        assertThatThrownBy(() -> Identity.builder("x")
                        .account(AccountIdentifier.parse("a-b"))
                        .user("u")
                        .patFile(missing)
                        .privateKeyFile(keyFile)
                        .scope(SCOPE)
                        .exchange(TokenExchange.builder()
                                .tokenUrl(URI.create("https://a-b.snowflakecomputing.com/oauth/token"))
                                .build())
                        .build())
                .hasMessageContaining("both a private key file and a PAT file");
    }
}
