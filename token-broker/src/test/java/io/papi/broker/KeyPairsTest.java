package io.papi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPairsTest {

    @ParameterizedTest
    @ValueSource(ints = {2048, 3072})
    void generatesRsaKeyPairsOfTheAskedSize(int bits) {
        KeyPair pair = KeyPairs.generate(bits);
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        assertThat(privateKey.getModulus().bitLength()).isEqualTo(bits);
        assertThat(publicKey.getModulus()).isEqualTo(privateKey.getModulus());
        assertThat(publicKey.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(PublicKeys.fromPrivate(privateKey)).isEqualTo(publicKey);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1024, 2047, 2049, 8192})
    void refusesSizesOtherThan2048_3072_4096(int bits) {
        assertThatThrownBy(() -> KeyPairs.generate(bits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RSA key size must be 2048, 3072 or 4096 bits, not " + bits);
    }
}
