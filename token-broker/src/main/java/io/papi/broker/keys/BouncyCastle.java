package io.papi.broker.keys;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider papi uses. It is handed explicitly to every BouncyCastle builder and never
 * installed in {@link java.security.Security}: the JDK's own providers stay the default for everything else in
 * the process (TLS, JDBC drivers, signatures), and papi gets BouncyCastle only where the JDK cannot do the job,
 * such as PBES2 with DES-EDE3-CBC, which {@code openssl pkcs8 -topk8 -v2 des3} writes and Snowflake documents.
 */
public final class BouncyCastle {
    /** Shared, immutable once built; safe to use from any thread. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {}
}
