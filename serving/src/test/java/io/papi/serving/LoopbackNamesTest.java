package io.papi.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Host headers name this machine's loopback, judged from the text alone. */
class LoopbackNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1:8081",
                "127.0.0.1",
                "127.1.2.3:80",
                "localhost:8081",
                "LOCALHOST",
                "localhost.",
                "[::1]:8081",
                "[::1]",
                "app.localhost:1",
                "[::ffff:127.0.0.1]:80"
            })
    void loopbackNamesAreAccepted(String host) {
        assertThat(LoopbackNames.isLoopbackHostHeader(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example:8081",
                "10.0.0.5:8081",
                "192.168.1.2",
                "[::2]:8081",
                "localhost.evil.example",
                "",
                "a b",
                // one-word hex names: InetAddress.getByName would look these up in DNS, which a rebinding attacker
                // controls
                "cafe",
                "cafe:8081",
                "beef",
                "dead:beef",
                "abc",
                "[cafe]",
                // short and numeric IPv4 forms some resolvers accept: not dotted quads, so not literals here
                "127.1",
                "2130706433",
                "0x7f.0.0.1",
                "127.0.0.1.nip.io",
                "127.0.0.1:99999",
                "127.0.0.1:80:80",
                "[::1]x"
            })
    void otherNamesAreRefused(String host) {
        assertThat(LoopbackNames.isLoopbackHostHeader(host)).isFalse();
    }

    /** A literal address is parsed from its text; a name is never one, so nothing is looked up. */
    @ParameterizedTest(name = "{0} is a literal: {1}")
    @CsvSource({"127.0.0.1, true", "::1, true", "[::1], true", "256.0.0.1, false", "cafe, false", "localhost, false"})
    void literalsAreParsedWithoutLookingAnythingUp(String host, boolean literal) {
        assertThat(LoopbackNames.literal(host).isPresent()).isEqualTo(literal);
    }

    @ParameterizedTest(name = "{0} is loopback: {1}")
    @CsvSource({"localhost, true", "::1, true", "10.1.1.1, false"})
    void aBareHostIsLoopbackByNameOrLiteral(String host, boolean loopback) {
        assertThat(LoopbackNames.isLoopbackHost(host)).isEqualTo(loopback);
    }
}
