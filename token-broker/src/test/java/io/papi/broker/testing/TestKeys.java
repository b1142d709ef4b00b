package io.papi.broker.testing;

import io.papi.broker.KeyPairs;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** One 2048-bit key pair per test JVM: generating RSA keys is slow, and most tests only need some valid key. */
public final class TestKeys {
    private static final KeyPair PAIR = KeyPairs.generate(2048);

    private TestKeys() {
    }

    public static RSAPrivateCrtKey privateKey() {
        return (RSAPrivateCrtKey) PAIR.getPrivate();
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) PAIR.getPublic();
    }
}
