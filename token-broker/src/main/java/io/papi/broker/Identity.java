package io.papi.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One identity a broker keeps a session token for: who (account, user, and either a private key file or a
 * programmatic access token file), for what (role and SPCS endpoint, as a {@link TokenScope}) and where tokens
 * come from (a {@link TokenExchange}). Immutable; holds no key material, only the file's path, so that the
 * credential can be read again when it is rotated.
 */
public record Identity(
        String name,
        AccountIdentifier account,
        String user,
        Path privateKeyFile,
        Optional<Path> patFile,
        PassphraseSource passphrase,
        TokenScope scope,
        TokenExchange exchange,
        Duration jwtLifetime) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /**
     * Every part checked once, here.
     *
     * @param name how callers pick this identity ({@code ?identity=NAME}) and how metrics and logs label it:
     *     letters, digits, {@code _ . -}, at most 64 characters
     * @param user the user's LOGIN_NAME
     * @param privateKeyFile the private key file, or null for an identity that uses a programmatic access token
     * @param patFile the file holding a programmatic access token, exchanged as {@code papi token --pat-file} does,
     *     instead of a key pair
     * @param passphrase asked whenever the key file is (re)read and turns out to be encrypted
     * @param jwtLifetime the lifetime of each JWT minted for an exchange (a new one is minted for every attempt
     *     regardless): more than 0 and at most one hour, Snowflake's limit
     * @throws IllegalArgumentException naming the first part that is missing or wrong
     */
    public Identity {
        checkName(name);
        require(name, account, "account");
        require(name, user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException(
                    "identity " + name + ": user is empty: give the service user's LOGIN_NAME");
        }
        Objects.requireNonNull(patFile, "patFile");
        if ((privateKeyFile == null) == patFile.isEmpty()) {
            throw new IllegalArgumentException("identity " + name
                    + (patFile.isEmpty()
                            ? " has no private key file: give one, or a "
                                    + "programmatic access token file (--pat-file)"
                            : " has both a private key file and a PAT file: give one of them"));
        }
        require(name, scope, "scope (role and endpoint)");
        require(name, exchange, "token exchange");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(jwtLifetime, "jwtLifetime");
        if (jwtLifetime.isNegative() || jwtLifetime.isZero() || jwtLifetime.compareTo(KeyPairJwt.MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException(
                    "JWT lifetime must be more than 0 and at most 1 hour, not " + jwtLifetime);
        }
    }

    /** @param name as {@link Identity#name()} says; checked here already */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The file the credential is read from: the PAT file or the private key file. */
    public Path credentialFile() {
        return patFile.orElse(privateKeyFile);
    }

    @Override
    public String toString() {
        return "Identity[" + name + ": " + account.forJwt() + "." + user + " -> " + scope.value() + "]";
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("identity name '" + name
                    + "' is not usable: use letters, digits, _ . - (at most 64), " + "starting with a letter or digit");
        }
    }

    private static void require(String name, Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("identity " + name + " has no " + what);
        }
    }

    /** Builds an {@link Identity}: account, user, private key file, scope and exchange are required. */
    public static final class Builder {
        private final String name;
        private AccountIdentifier account;
        private String user;
        private Path privateKeyFile;
        private Path patFile;
        private PassphraseSource passphrase = PassphraseSource.none();
        private TokenScope scope;
        private TokenExchange exchange;
        private Duration jwtLifetime = Duration.ofMinutes(59);

        private Builder(String name) {
            checkName(name);
            this.name = name;
        }

        public Builder account(AccountIdentifier account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        public Builder privateKeyFile(Path file) {
            this.privateKeyFile = Objects.requireNonNull(file, "privateKeyFile");
            return this;
        }

        /** A programmatic access token file instead of a private key: read again before every exchange. */
        public Builder patFile(Path file) {
            this.patFile = Objects.requireNonNull(file, "patFile");
            return this;
        }

        public Builder passphrase(PassphraseSource passphrase) {
            this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
            return this;
        }

        public Builder scope(TokenScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        public Builder exchange(TokenExchange exchange) {
            this.exchange = Objects.requireNonNull(exchange, "exchange");
            return this;
        }

        /** At most one hour (Snowflake's limit); 59 minutes by default, as {@code papi token} mints. */
        public Builder jwtLifetime(Duration lifetime) {
            this.jwtLifetime = Objects.requireNonNull(lifetime, "jwtLifetime");
            return this;
        }

        /** @throws IllegalArgumentException naming the first missing part */
        public Identity build() {
            return new Identity(
                    name,
                    account,
                    user,
                    privateKeyFile,
                    Optional.ofNullable(patFile),
                    passphrase,
                    scope,
                    exchange,
                    jwtLifetime);
        }
    }
}
