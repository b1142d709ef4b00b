package io.papi.broker;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Set;

/** New RSA key pairs for Snowflake key-pair authentication, made by the JDK's own generator. */
public final class KeyPairs {
    /** Snowflake needs at least 2048 bits; 3072 and 4096 are the usual stronger choices. */
    public static final Set<Integer> SIZES = Set.of(2048, 3072, 4096);

    private KeyPairs() {}

    /**
     * A fresh RSA key pair with public exponent 65537. The private half is an
     * {@link java.security.interfaces.RSAPrivateCrtKey}, the public half an
     * {@link java.security.interfaces.RSAPublicKey}.
     *
     * @throws IllegalArgumentException when {@code bits} is not 2048, 3072 or 4096
     */
    public static KeyPair generate(int bits) {
        if (!SIZES.contains(bits)) {
            throw new IllegalArgumentException("RSA key size must be 2048, 3072 or 4096 bits, not " + bits);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + bits + "-bit RSA keys", e);
        }
    }
}
