package io.papi.cli.command;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.Identity;
import io.papi.broker.TokenExchange;
import io.papi.broker.TokenScope;
import io.papi.broker.TokenUrls;
import io.papi.cli.Environment;
import io.papi.cli.PapiException;
import io.papi.cli.config.ConnectionProfile;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The identities of {@code papi broker}: one from the usual identity flags (flag, then environment, then the
 * connection), or several from {@code --identity NAME=CONNECTION}, each read from its own connection in
 * connections.toml: {@code account}, {@code user}, {@code private_key_file}, {@code private_key_file_pwd},
 * {@code role}, {@code papi_endpoint} and {@code host}; instead of a key pair, a connection may name a programmatic
 * access token file ({@code token_file_path}, the Snowflake CLI's key for it), and the single identity takes
 * {@code --pat-file}. Role and endpoint fall back to {@code --role} and {@code --endpoint} (or their variables);
 * {@code --token-url} applies to all.
 *
 * @param patFile the single identity's programmatic access token file, or null for a key pair
 */
record BrokerIdentities(ExchangeOptions exchange, Environment environment, Consumer<String> warnings, Path patFile) {
    /** The name of the identity built from the single-identity flags. */
    static final String DEFAULT_NAME = "default";

    /** {@code specs} empty: the one identity of the flags; else one identity per {@code NAME=CONNECTION}. */
    List<Identity> resolve(List<String> specs) {
        IdentityOptions identity = exchange.identity;
        if (specs.isEmpty()) {
            return List.of(single());
        }
        if (identity.connection.given()
                || identity.account != null
                || identity.user != null
                || identity.privateKey != null
                || patFile != null) {
            throw PapiException.usage("--identity takes each identity from its connection: drop -c, --account, --user, "
                    + "--private-key and --pat-file (they describe a single identity)");
        }
        List<Identity> identities = new ArrayList<>();
        for (String spec : specs) {
            identities.add(named(spec));
        }
        return identities;
    }

    private Identity single() {
        IdentityOptions identity = exchange.identity;
        Settings settings = identity.settings(environment, warnings);
        AccountIdentifier account = identity.account(settings);
        Identity.Builder credential = patFile != null
                ? Identity.builder(DEFAULT_NAME).patFile(patFile)
                : Identity.builder(DEFAULT_NAME)
                        .privateKeyFile(identity.privateKeyFile(settings))
                        .passphrase(new RememberedPassphrase(identity.passphrase, settings, null));
        return build(
                credential,
                account,
                identity.user(settings),
                exchange.scope(settings),
                exchange.exchange(settings, account));
    }

    private Identity named(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw PapiException.usage(
                    "--identity '" + spec + "' is not NAME=CONNECTION, such as reporting=svc_reporting");
        }
        String name = spec.substring(0, eq).trim();
        String connectionName = spec.substring(eq + 1).trim();
        Settings global = new Settings(environment, null, warnings);
        ConnectionProfile connection = new Settings(environment, connectionName, warnings).profile();
        String where = "identity " + name + " (connection " + connectionName + ")";
        AccountIdentifier account;
        try {
            account = AccountIdentifier.parse(require(connection, "account", where));
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(where + ": " + e.getMessage());
        }
        String user = require(connection, "user", where);
        Optional<String> pat = connection.get("token_file_path");
        Identity.Builder credential;
        try {
            credential = pat.isPresent()
                    ? Identity.builder(name).patFile(Path.of(pat.get()))
                    : Identity.builder(name)
                            .privateKeyFile(Path.of(require(connection, "private_key_file", where)))
                            .passphrase(new RememberedPassphrase(
                                    exchange.identity.passphrase,
                                    global,
                                    connection.get("private_key_file_pwd").orElse(null)));
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
        String role = connection
                .get("role")
                .or(() -> flagOrEnv(exchange.role, Setting.ROLE))
                .orElse(null);
        String endpoint = connection
                .get("papi_endpoint")
                .or(() -> flagOrEnv(exchange.endpoint, Setting.ENDPOINT))
                .orElseThrow(() ->
                        PapiException.usage(where + " has no endpoint: add papi_endpoint = \"<ingress host>\" to the "
                                + "connection, or pass --endpoint"));
        TokenScope scope;
        try {
            scope = new TokenScope(role, endpoint);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(where + ": " + e.getMessage());
        }
        URI tokenUrl = flagOrEnv(exchange.tokenUrl, Setting.TOKEN_URL).isPresent()
                ? exchange.tokenUrl(global, account)
                : connection
                        .get("host")
                        .map(h -> URI.create("https://" + h + "/oauth/token"))
                        .orElseGet(() -> TokenUrls.forAccount(account));
        TokenExchange tokens = exchange.exchange(global, tokenUrl);
        return build(credential, account, user, scope, tokens);
    }

    private static Identity build(
            Identity.Builder credential,
            AccountIdentifier account,
            String user,
            TokenScope scope,
            TokenExchange tokens) {
        try {
            return credential
                    .account(account)
                    .user(user)
                    .scope(scope)
                    .exchange(tokens)
                    .build();
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }

    private Optional<String> flagOrEnv(String flag, Setting setting) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag);
        }
        return setting.env().flatMap(environment::get);
    }

    private static String require(ConnectionProfile connection, String key, String where) {
        return connection
                .get(key)
                .orElseThrow(() -> PapiException.usage(where + " has no '" + key + "': add it to the connection"
                        + (connection.source() == null ? "" : " in " + connection.source())));
    }
}
