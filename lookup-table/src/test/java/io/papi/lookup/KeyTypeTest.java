package io.papi.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyTypeTest {

    @Test
    void numericIdsGetTheGuidesNumberKeyAndOthersVarchar() {
        assertThat(KeyType.forIds(List.of("1", "22", "186"))).isEqualTo(KeyType.NUMBER);
        assertThat(KeyType.forIds(List.of("1", "u22"))).isEqualTo(KeyType.VARCHAR);
        assertThat(KeyType.forIds(List.of("-5"))).as("a sign is not a digit").isEqualTo(KeyType.VARCHAR);
        assertThat(KeyType.forIds(List.of("9".repeat(39))))
                .as("longer than NUMBER(38,0)")
                .isEqualTo(KeyType.VARCHAR);
        assertThat(KeyType.forIds(List.of())).isEqualTo(KeyType.NUMBER);
    }

    @Test
    void theIdModeDecidesTheReadersKey() {
        assertThat(KeyType.forNumericIds(true)).isEqualTo(KeyType.NUMBER);
        assertThat(KeyType.forNumericIds(false)).isEqualTo(KeyType.VARCHAR);
    }

    @Test
    void aNumberKeyHoldsOnlyNumbers() {
        assertThat(KeyType.NUMBER.holds("0042")).isTrue();
        assertThat(KeyType.NUMBER.holds("9".repeat(38))).isTrue();
        assertThat(KeyType.NUMBER.holds("abc")).isFalse();
        assertThat(KeyType.NUMBER.holds("")).isFalse();
        assertThat(KeyType.NUMBER.holds("１２")).as("full-width digits").isFalse();
        assertThat(KeyType.VARCHAR.holds("abc")).isTrue();
    }

    @Test
    void snowflakeTypes() {
        assertThat(KeyType.NUMBER.snowflakeType()).isEqualTo("NUMBER(38,0)");
        assertThat(KeyType.VARCHAR.snowflakeType()).isEqualTo("VARCHAR(256)");
    }
}
