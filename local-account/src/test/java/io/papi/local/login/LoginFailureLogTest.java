package io.papi.local.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.papi.local.LoginFailure;
import io.papi.local.LoginFailureCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginFailureLogTest {

    private static LoginFailure failure(int i) {
        return new LoginFailure("uuid-" + i, LoginFailureCode.EXPIRED, "reason " + i, "USER", Instant.EPOCH);
    }

    @Test
    void keepsOnlyTheMostRecentFailures() {
        LoginFailureLog log = new LoginFailureLog(3);
        for (int i = 1; i <= 5; i++) {
            log.add(failure(i));
        }

        assertThat(log.size()).isEqualTo(3);
        assertThat(log.find("uuid-1")).isEmpty();
        assertThat(log.find("uuid-2")).isEmpty();
        assertThat(log.find("uuid-5")).contains(failure(5));
        assertThat(log.find(" uuid-3 ")).contains(failure(3));
    }

    @Test
    void unknownOrNullIdFindsNothing() {
        LoginFailureLog log = new LoginFailureLog(3);
        assertThat(log.find(null)).isEmpty();
        assertThat(log.find("nope")).isEmpty();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new LoginFailureLog(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
