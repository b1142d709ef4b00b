package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdentifierTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "xy12345,                                XY12345",
        "xy12345.us-east-1.aws,                  XY12345",
        "xy12345.us-east-1,                      XY12345",
        "xy12345.east-us-2.azure,                XY12345",
        "xy12345.us-east-1.privatelink,          XY12345",
        "xy12345.privatelink,                    XY12345",
        "myorg-myacct,                           MYORG-MYACCT",
        "MyOrg-MyAcct,                           MYORG-MYACCT",
        "myorg.myacct,                           MYORG",
        "myorg-myacct.privatelink,               MYORG-MYACCT",
        "myorg-myacct.global,                    MYORG-MYACCT",
        "myorg-myacct.global.snowflakecomputing.com, MYORG",
        "myorg-myacct.snowflakecomputing.com,    MYORG-MYACCT",
        "https://xy12345.us-east-1.aws.snowflakecomputing.com/, XY12345",
        "xy12345.us-east-1.aws.snowflakecomputing.com:443, XY12345",
        "myorg_myacct,                           MYORG_MYACCT",
    })
    void normalisesEveryDocumentedAccountFormForTheJwt(String input, String expected) {
        assertThat(AccountIdentifier.parse(input).forJwt()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "xy12345.us-east-1.aws,           xy12345.us-east-1.aws.snowflakecomputing.com",
        "myorg-myacct,                    myorg-myacct.snowflakecomputing.com",
        "myorg.myacct,                    myorg.myacct.snowflakecomputing.com",
        "myorg_myacct,                    myorg-myacct.snowflakecomputing.com",
        "myorg-myacct.privatelink,        myorg-myacct.privatelink.snowflakecomputing.com",
    })
    void derivesTheAccountHost(String input, String host) {
        assertThat(AccountIdentifier.parse(input).host()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "my acct", "acct;drop", "a..b", "x\"y"})
    void rejectsTextThatIsNoAccount(String input) {
        assertThatThrownBy(() -> AccountIdentifier.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account");
    }
}
