package io.papi.broker.exchange;

/** What is exchanged for a session token, and the grant that carries it. */
public enum Credential {
    /** A key-pair JWT, sent as {@code assertion} with the JWT bearer grant (RFC 7523). */
    KEY_PAIR_JWT("urn:ietf:params:oauth:grant-type:jwt-bearer", "the JWT"),
    /** A programmatic access token, sent as {@code subject_token} with the token-exchange grant (RFC 8693). */
    PROGRAMMATIC_ACCESS_TOKEN("urn:ietf:params:oauth:grant-type:token-exchange", "the programmatic access token");

    private final String grantType;
    private final String described;

    Credential(String grantType, String described) {
        this.grantType = grantType;
        this.described = described;
    }

    public String grantType() {
        return grantType;
    }

    /** "the JWT", "the programmatic access token": how messages name it. */
    public String described() {
        return described;
    }
}
