package io.papi.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test whose temporary home holds the key pair {@code papi keygen} wrote there ({@code rsa_key.p8},
 * {@code rsa_key.pub}) before each test, with a {@link CliRun} on that home.
 */
abstract class KeyedHomeTest {
    static final String SERVICE_USER = "svc_data_api";

    @TempDir
    Path home;

    CliRun cli;

    @BeforeEach
    void keygenIntoHome() {
        cli = new CliRun(home);
        cli.run("keygen", "--out", home.toString());
    }

    Path privateKey() {
        return home.resolve("rsa_key.p8");
    }

    Path publicKey() {
        return home.resolve("rsa_key.pub");
    }

    /** The flags naming the service user on {@code account} and the home's private key. */
    String[] serviceUser(String account) {
        return new String[] {
            "--account",
            account,
            "--user",
            SERVICE_USER,
            "--private-key",
            privateKey().toString()
        };
    }
}
