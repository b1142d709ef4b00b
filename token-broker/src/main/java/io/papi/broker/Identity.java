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
public final class Identity {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final String name;
    private final AccountIdentifier account;
    private final String user;
    private final Path privateKeyFile;
    private final Path patFile;
    private final PassphraseSource passphrase;
    private final TokenScope scope;
    private final TokenExchange exchange;
    private final Duration jwtLifetime;

    private Identity(Builder b) {
        this.name = b.name;
        this.account = b.account;
        this.user = b.user;
        this.privateKeyFile = b.privateKeyFile;
        this.patFile = b.patFile;
        this.passphrase = b.passphrase;
        this.scope = b.scope;
        this.exchange = b.exchange;
        this.jwtLifetime = b.jwtLifetime;
    }

    /**
     * @param name how callers pick this identity ({@code ?identity=NAME}) and how metrics and logs label it:
     *     letters, digits, {@code _ . -}, at most 64 characters
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public AccountIdentifier account() {
        return account;
    }

    /** The user's LOGIN_NAME. */
    public String user() {
        return user;
    }

    /** The private key file, or null for an identity that uses a programmatic access token. */
    public Path privateKeyFile() {
        return privateKeyFile;
    }

    /** The file holding a programmatic access token, exchanged as {@code papi token --pat-file} does, instead of a key pair. */
    public Optional<Path> patFile() {
        return Optional.ofNullable(patFile);
    }

    /** The file the credential is read from: the PAT file or the private key file. */
    public Path credentialFile() {
        return patFile != null ? patFile : privateKeyFile;
    }

    /** Asked whenever the key file is (re)read and turns out to be encrypted. */
    public PassphraseSource passphrase() {
        return passphrase;
    }

    public TokenScope scope() {
        return scope;
    }

    public TokenExchange exchange() {
        return exchange;
    }

    /** The lifetime of each JWT minted for an exchange; a new one is minted for every attempt regardless. */
    public Duration jwtLifetime() {
        return jwtLifetime;
    }

    @Override
    public String toString() {
        return "Identity[" + name + ": " + account.forJwt() + "." + user + " -> " + scope.value() + "]";
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
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "identity name '" + name + "' is not usable: use letters, digits, _ . - (at most 64), "
                                + "starting with a letter or digit");
            }
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
            Objects.requireNonNull(lifetime, "jwtLifetime");
            if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(KeyPairJwt.MAX_LIFETIME) > 0) {
                throw new IllegalArgumentException(
                        "JWT lifetime must be more than 0 and at most 1 hour, not " + lifetime);
            }
            this.jwtLifetime = lifetime;
            return this;
        }

        /** @throws IllegalArgumentException naming the first missing part */
        public Identity build() {
            require(account, "account");
            require(user, "user");
            if (user.isBlank()) {
                throw new IllegalArgumentException(
                        "identity " + name + ": user is empty: give the service user's LOGIN_NAME");
            }
            if ((privateKeyFile == null) == (patFile == null)) {
                throw new IllegalArgumentException("identity " + name
                        + (patFile == null
                                ? " has no private key file: give one, or a "
                                        + "programmatic access token file (--pat-file)"
                                : " has both a private key file and a PAT file: give one of them"));
            }
            require(scope, "scope (role and endpoint)");
            require(exchange, "token exchange");
            return new Identity(this);
        }

        private void require(Object value, String what) {
            if (value == null) {
                throw new IllegalArgumentException("identity " + name + " has no " + what);
            }
        }
    }
}
