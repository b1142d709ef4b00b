package io.papi.local;

import java.time.Instant;

/**
 * The details of one rejected key-pair JWT, looked up by the UUID the client was given in
 * {@code "JWT token is invalid. [<uuid>]"}: the local account's {@code SYSTEM$GET_LOGIN_FAILURE_DETAILS}.
 *
 * @param uuid   the id the client saw
 * @param code   the cause
 * @param reason one line naming the cause with the values involved (never the JWT itself)
 * @param user   the user the JWT named, or null when it named none that could be read
 * @param time   when the request was rejected
 */
public record LoginFailure(String uuid, LoginFailureCode code, String reason, String user, Instant time) {

    @Override
    public String toString() {
        return code.code() + " " + reason + " [" + uuid + "]";
    }
}
