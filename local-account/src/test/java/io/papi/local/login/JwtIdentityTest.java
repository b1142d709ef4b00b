package io.papi.local.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.local.LoginFailureCode;
import org.junit.jupiter.api.Test;

class JwtIdentityTest {

    @Test
    void splitsAccountUserAndFingerprint() throws Exception {
        assertThat(JwtIdentity.parse("LOCAL.SVC.SHA256:abc+/=", "LOCAL.SVC"))
                .isEqualTo(new JwtIdentity("LOCAL", "SVC", "SHA256:abc+/="));
    }

    @Test
    void keepsDotsInsideTheUserName() throws Exception {
        assertThat(JwtIdentity.parse("MYORG-ACCT.JOHN.DOE@EXAMPLE.COM.SHA256:abc", "MYORG-ACCT.JOHN.DOE@EXAMPLE.COM")
                        .user())
                .isEqualTo("JOHN.DOE@EXAMPLE.COM");
    }

    @Test
    void rejectsIssuerWithoutFingerprint() {
        assertThatThrownBy(() -> JwtIdentity.parse("LOCAL.SVC", "LOCAL.SVC"))
                .isInstanceOfSatisfying(
                        JwtRejected.class,
                        e -> assertThat(e.code()).isEqualTo(LoginFailureCode.MALFORMED_ISSUER_OR_SUBJECT));
    }

    @Test
    void rejectsIssuerWithoutUser() {
        assertThatThrownBy(() -> JwtIdentity.parse("LOCAL.SHA256:abc", "LOCAL"))
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).contains("no ACCOUNT.USER"));
    }

    @Test
    void rejectsMissingSubject() {
        assertThatThrownBy(() -> JwtIdentity.parse("LOCAL.SVC.SHA256:abc", null))
                .isInstanceOfSatisfying(
                        JwtRejected.class, e -> assertThat(e.reason()).contains("no sub"));
    }
}
