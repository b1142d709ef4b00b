package io.papi.local;

import io.papi.local.store.StoredKey;
import io.papi.local.store.StoredUser;
import io.papi.local.store.UserDatabase;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local account's users and their public keys, kept the way Snowflake keeps them: each user has a login name,
 * a default role and two key slots, {@code RSA_PUBLIC_KEY} (slot 1) and {@code RSA_PUBLIC_KEY_2} (slot 2), so a key
 * can be rotated by setting the new key in the free slot, switching clients over, then unsetting the old one.
 *
 * <p>Names are login names as a key-pair JWT carries them: upper-cased here, so {@code svc_data_api} and
 * {@code SVC_DATA_API} are the same user. Roles are unquoted identifiers and upper-cased likewise, as
 * {@code CREATE USER ... DEFAULT_ROLE = data_api_role} would store {@code DATA_API_ROLE}.
 *
 * <p>Every method is safe to call from several threads and from a second process using the same directory.
 */
public final class UserRegistry {
    /** The role every Snowflake user holds; the default role when none is given. */
    public static final String PUBLIC_ROLE = "PUBLIC";
    /** Snowflake requires RSA keys of at least 2048 bits for key-pair authentication. */
    public static final int MINIMUM_KEY_BITS = 2048;

    private static final Pattern LOGIN_NAME = Pattern.compile("[A-Z_][A-Z0-9_$@.\\-]{0,254}");
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Z_][A-Z0-9_$]{0,254}");
    private static final Logger LOG = LoggerFactory.getLogger(UserRegistry.class);

    private final UserDatabase database;
    private final String account;
    private final Clock clock;

    UserRegistry(UserDatabase database, String account, Clock clock) {
        this.database = database;
        this.account = account;
        this.clock = clock;
    }

    /**
     * Makes sure the user exists with this default role and this key registered; safe to repeat.
     * <ul>
     *   <li>no such user: creates it with the key in {@code RSA_PUBLIC_KEY} ({@link UserChange.Outcome#CREATED});</li>
     *   <li>the user exists, already has this role and holds this key in either slot: writes nothing
     *       ({@link UserChange.Outcome#UNCHANGED});</li>
     *   <li>otherwise sets the role and puts the key in {@code RSA_PUBLIC_KEY}, replacing the key there and keeping
     *       {@code RSA_PUBLIC_KEY_2} ({@link UserChange.Outcome#UPDATED}); the message names what was replaced.</li>
     * </ul>
     *
     * @param defaultRole the user's default role; null means {@code PUBLIC}
     * @throws IllegalArgumentException when the name, role or key is not acceptable, saying which and why
     */
    public UserChange create(String name, String defaultRole, RSAPublicKey key) {
        String user = loginName(name);
        String role = defaultRole == null ? PUBLIC_ROLE : roleName(defaultRole);
        StoredKey stored = storedKey(key);
        Instant now = now();
        UserDatabase.Write write = database.modify(user, before -> {
            if (before.isEmpty()) {
                return Optional.of(new StoredUser(user, role, stored, null, now, now));
            }
            StoredUser current = before.get();
            StoredUser next = current;
            if (!current.defaultRole().equals(role)) {
                next = next.withDefaultRole(role, now);
            }
            if (current.keyWithFingerprint(stored.fingerprint()) == null) {
                next = next.withKey(1, stored, now);
            }
            return Optional.of(next);
        });
        StoredUser before = write.before().orElse(null);
        StoredUser after = write.after().orElseThrow();
        if (before == null) {
            return logged(new UserChange(
                    user,
                    UserChange.Outcome.CREATED,
                    "created user " + user + " in local account " + account + " with default role " + role
                            + " and RSA_PUBLIC_KEY " + stored.fingerprint()));
        }
        if (after.equals(before)) {
            return new UserChange(
                    user,
                    UserChange.Outcome.UNCHANGED,
                    "user " + user + " already exists with default role "
                            + role + " and key " + stored.fingerprint() + " in "
                            + slotName(
                                    before.key1() != null
                                                    && before.key1()
                                                            .fingerprint()
                                                            .equals(stored.fingerprint())
                                            ? 1
                                            : 2)
                            + ": unchanged");
        }
        List<String> changes = new ArrayList<>();
        if (!before.defaultRole().equals(after.defaultRole())) {
            changes.add("default role " + before.defaultRole() + " -> " + after.defaultRole());
        }
        if (!Objects.equals(before.key1(), after.key1())) {
            changes.add("RSA_PUBLIC_KEY " + fingerprintOrUnset(before.key1()) + " -> " + stored.fingerprint());
        }
        return logged(new UserChange(
                user, UserChange.Outcome.UPDATED, "updated user " + user + ": " + String.join(", ", changes)));
    }

    /**
     * Puts {@code key} in slot 1 ({@code RSA_PUBLIC_KEY}) or 2 ({@code RSA_PUBLIC_KEY_2}), as
     * {@code ALTER USER ... SET RSA_PUBLIC_KEY_2 = '...'} does; the other slot is left alone.
     *
     * @throws IllegalArgumentException when the user does not exist, or the slot or key is not acceptable
     */
    public UserChange setKey(String name, int slot, RSAPublicKey key) {
        String user = loginName(name);
        checkSlot(slot);
        StoredKey stored = storedKey(key);
        Instant now = now();
        UserDatabase.Write write = database.modify(user, before -> {
            StoredUser current = before.orElseThrow(() -> noSuchUser(user));
            return Optional.of(stored.equals(current.key(slot)) ? current : current.withKey(slot, stored, now));
        });
        StoredKey previous = write.before().orElseThrow().key(slot);
        if (stored.equals(previous)) {
            return new UserChange(
                    user,
                    UserChange.Outcome.UNCHANGED,
                    slotName(slot) + " of user " + user + " already is " + stored.fingerprint() + ": unchanged");
        }
        return logged(new UserChange(
                user,
                UserChange.Outcome.UPDATED,
                "updated user " + user + ": " + slotName(slot) + " " + fingerprintOrUnset(previous) + " -> "
                        + stored.fingerprint()));
    }

    /**
     * Empties slot 1 or 2, as {@code ALTER USER ... UNSET RSA_PUBLIC_KEY} does: JWTs signed with that key stop being
     * accepted at once (session tokens already issued stay valid until they expire).
     *
     * @throws IllegalArgumentException when the user does not exist or the slot is not 1 or 2
     */
    public UserChange unsetKey(String name, int slot) {
        String user = loginName(name);
        checkSlot(slot);
        Instant now = now();
        UserDatabase.Write write = database.modify(user, before -> {
            StoredUser current = before.orElseThrow(() -> noSuchUser(user));
            return Optional.of(current.key(slot) == null ? current : current.withKey(slot, null, now));
        });
        StoredKey previous = write.before().orElseThrow().key(slot);
        if (previous == null) {
            return new UserChange(
                    user,
                    UserChange.Outcome.UNCHANGED,
                    slotName(slot) + " of user " + user + " already is unset: unchanged");
        }
        return logged(new UserChange(
                user,
                UserChange.Outcome.UPDATED,
                "updated user " + user + ": unset " + slotName(slot) + " (was " + previous.fingerprint() + ")"));
    }

    /**
     * Sets the user's default role, the role its sessions get when the token request's scope names none.
     *
     * @throws IllegalArgumentException when the user does not exist or the role is no role name
     */
    public UserChange setDefaultRole(String name, String role) {
        String user = loginName(name);
        String newRole = roleName(role);
        Instant now = now();
        UserDatabase.Write write = database.modify(user, before -> {
            StoredUser current = before.orElseThrow(() -> noSuchUser(user));
            return Optional.of(current.defaultRole().equals(newRole) ? current : current.withDefaultRole(newRole, now));
        });
        String previous = write.before().orElseThrow().defaultRole();
        if (previous.equals(newRole)) {
            return new UserChange(
                    user,
                    UserChange.Outcome.UNCHANGED,
                    "default role of user " + user + " already is " + newRole + ": unchanged");
        }
        return logged(new UserChange(
                user,
                UserChange.Outcome.UPDATED,
                "updated user " + user + ": default role " + previous + " -> " + newRole));
    }

    /** The user, or empty when there is none by that name (the name is upper-cased first). */
    public Optional<LocalUser> describe(String name) {
        return database.find(loginName(name)).map(UserRegistry::describe);
    }

    /** Removes the user; false when there was none. Session tokens already issued stay valid until they expire. */
    public boolean drop(String name) {
        String user = loginName(name);
        boolean existed =
                database.modify(user, before -> Optional.empty()).before().isPresent();
        if (existed) {
            LOG.info("dropped user {} from local account {}", user, account);
        }
        return existed;
    }

    /** Every user, ordered by name. */
    public List<LocalUser> list() {
        return database.all().stream().map(UserRegistry::describe).toList();
    }

    /**
     * Validates and upper-cases a login name: a letter or {@code _}, then letters, digits, {@code _ $ @ . -}, at most
     * 255 characters.
     *
     * @throws IllegalArgumentException saying what is wrong with the name
     */
    public static String loginName(String name) {
        String upper = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (upper.isEmpty()) {
            throw new IllegalArgumentException("user name is empty: give a login name such as SVC_DATA_API");
        }
        if (!LOGIN_NAME.matcher(upper).matches()) {
            throw new IllegalArgumentException(
                    "user name '" + name.trim() + "' is not a login name: start with a letter or _, "
                            + "use only letters, digits and _ $ @ . - (at most 255 characters)");
        }
        return upper;
    }

    /**
     * Validates and upper-cases a role name, an unquoted Snowflake identifier.
     *
     * @throws IllegalArgumentException saying what is wrong with the role
     */
    public static String roleName(String role) {
        String upper = role == null ? "" : role.trim().toUpperCase(Locale.ROOT);
        if (!ROLE_NAME.matcher(upper).matches()) {
            throw new IllegalArgumentException(
                    "role '" + (role == null ? "" : role.trim()) + "' is not a role name: start with a "
                            + "letter or _, use only letters, digits, _ and $ (for example DATA_API_ROLE)");
        }
        return upper;
    }

    static String slotError(int slot) {
        return "key slot must be 1 (RSA_PUBLIC_KEY) or 2 (RSA_PUBLIC_KEY_2), was " + slot;
    }

    private static void checkSlot(int slot) {
        if (slot != 1 && slot != 2) {
            throw new IllegalArgumentException(slotError(slot));
        }
    }

    private static StoredKey storedKey(RSAPublicKey key) {
        if (key == null) {
            throw new IllegalArgumentException("public key is missing: give the user's RSA public key (rsa_key.pub)");
        }
        int bits = key.getModulus().bitLength();
        if (bits < MINIMUM_KEY_BITS) {
            throw new IllegalArgumentException("RSA public key has " + bits + " bits; Snowflake requires at least "
                    + MINIMUM_KEY_BITS + ": generate a new key pair");
        }
        return StoredKey.of(key);
    }

    private IllegalArgumentException noSuchUser(String user) {
        return new IllegalArgumentException(
                "user " + user + " does not exist in local account " + account + ": create it first");
    }

    private static String slotName(int slot) {
        return slot == 1 ? "RSA_PUBLIC_KEY" : "RSA_PUBLIC_KEY_2";
    }

    private static String fingerprintOrUnset(StoredKey key) {
        return key == null ? "(unset)" : key.fingerprint();
    }

    private static LocalUser describe(StoredUser user) {
        return new LocalUser(
                user.name(),
                user.defaultRole(),
                user.key1() == null ? null : user.key1().fingerprint(),
                user.key2() == null ? null : user.key2().fingerprint(),
                user.createdOn());
    }

    // the database keeps milliseconds; a finer instant would make an unchanged row look changed after a round trip
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private UserChange logged(UserChange change) {
        LOG.info("{}", change.message());
        return change;
    }
}
