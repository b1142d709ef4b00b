package io.papi.cli.call;

/**
 * The session token a call carries.
 *
 * @param value the token (a secret: never printed)
 * @param hash its {@code sha256:...} label
 * @param fromBroker true when a running broker handed it out (and can be asked for a new one after a 401)
 */
public record CallToken(String value, String hash, boolean fromBroker) {
    public String authorization() {
        return "Snowflake Token=\"" + value + "\"";
    }

    @Override
    public String toString() {
        return "CallToken[" + hash + "]";
    }
}
