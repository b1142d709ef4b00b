package io.papi.cli.status;

import java.util.List;

/** The local account (the stand-in for Snowflake) on disk: its users and their key fingerprints. */
public record LocalAccountReport(String directory, Health health, String detail, String account, List<User> users) {

    /** A user with the fingerprints of its two key slots (null when empty). */
    public record User(String name, String defaultRole, String rsaPublicKeyFp, String rsaPublicKey2Fp) {}
}
