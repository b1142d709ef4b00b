package io.papi.local;

import java.time.Instant;

/**
 * A user of the local account, as {@code DESCRIBE USER} would show it.
 *
 * @param name            the login name, upper-case (what a key-pair JWT carries as USER)
 * @param defaultRole     the role a session gets when the token request's scope names none
 * @param rsaPublicKeyFp  fingerprint of the key in slot 1, {@code RSA_PUBLIC_KEY_FP}: {@code SHA256:<base64>};
 *                        null when the slot is unset
 * @param rsaPublicKey2Fp fingerprint of the key in slot 2, {@code RSA_PUBLIC_KEY_2_FP}; null when unset
 * @param createdOn       when the user was created
 */
public record LocalUser(
        String name, String defaultRole, String rsaPublicKeyFp, String rsaPublicKey2Fp, Instant createdOn) {

    /** The fingerprint in slot 1 or 2, null when that slot is unset. */
    public String fingerprint(int slot) {
        return switch (slot) {
            case 1 -> rsaPublicKeyFp;
            case 2 -> rsaPublicKey2Fp;
            default -> throw new IllegalArgumentException(UserRegistry.slotError(slot));
        };
    }
}
