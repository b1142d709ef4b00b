package io.papi.broker.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which answers of the SPCS ingress mean "this token is not (or no longer) good". */
class LoginRedirectTest {
    private static final String INGRESS = "abcd-myorg-myacct.snowflakecomputing.app";

    @Test
    void a401AlwaysMeansNoValidToken() {
        assertThat(LoginRedirect.meansNoValidToken(401, null, INGRESS)).isTrue();
    }

    @Test
    void aRedirectToSnowflakesLoginMeansNoValidToken() {
        assertThat(LoginRedirect.meansNoValidToken(
                        302,
                        "https://myorg-myacct.snowflakecomputing.com/oauth/authorize?client_id=x&redirect_uri=y",
                        INGRESS))
                .isTrue();
        assertThat(LoginRedirect.meansNoValidToken(302, "https://" + INGRESS + "/login?next=/customer/1", INGRESS))
                .isTrue();
        assertThat(LoginRedirect.meansNoValidToken(307, "https://app.snowflake.com/some/page", INGRESS))
                .isTrue();
    }

    @Test
    void aRedirectWithinTheEndpointIsAnOrdinaryAnswer() {
        assertThat(LoginRedirect.meansNoValidToken(302, "/customer/1/", INGRESS))
                .isFalse();
        assertThat(LoginRedirect.meansNoValidToken(301, "https://" + INGRESS + "/v2/customer/1", INGRESS))
                .isFalse();
        assertThat(LoginRedirect.meansNoValidToken(302, null, INGRESS)).isFalse();
        assertThat(LoginRedirect.meansNoValidToken(200, "https://elsewhere/login", INGRESS))
                .isFalse();
        assertThat(LoginRedirect.meansNoValidToken(403, null, INGRESS)).isFalse();
    }
}
