package io.papi.local.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the user registry. A slot with no key is null, as an unset {@code RSA_PUBLIC_KEY} is in Snowflake.
 */
public record StoredUser(
        String name, String defaultRole, StoredKey key1, StoredKey key2, Instant createdOn, Instant updatedOn) {

    public StoredUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultRole, "defaultRole");
        Objects.requireNonNull(createdOn, "createdOn");
        Objects.requireNonNull(updatedOn, "updatedOn");
    }

    /** The key in slot 1 ({@code RSA_PUBLIC_KEY}) or 2 ({@code RSA_PUBLIC_KEY_2}); null when unset. */
    public StoredKey key(int slot) {
        return switch (slot) {
            case 1 -> key1;
            case 2 -> key2;
            default -> throw new IllegalArgumentException("slot must be 1 or 2, was " + slot);
        };
    }

    /** The key whose fingerprint is {@code fingerprint}, or null when neither slot holds it. */
    public StoredKey keyWithFingerprint(String fingerprint) {
        if (key1 != null && key1.fingerprint().equals(fingerprint)) {
            return key1;
        }
        if (key2 != null && key2.fingerprint().equals(fingerprint)) {
            return key2;
        }
        return null;
    }

    public StoredUser withKey(int slot, StoredKey key, Instant now) {
        return switch (slot) {
            case 1 -> new StoredUser(name, defaultRole, key, key2, createdOn, now);
            case 2 -> new StoredUser(name, defaultRole, key1, key, createdOn, now);
            default -> throw new IllegalArgumentException("slot must be 1 or 2, was " + slot);
        };
    }

    public StoredUser withDefaultRole(String role, Instant now) {
        return new StoredUser(name, role, key1, key2, createdOn, now);
    }
}
