package io.papi.cli.command;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.KeyPairJwt;
import io.papi.broker.SessionToken;
import io.papi.broker.TokenExchange;
import io.papi.broker.TokenExchangeException;
import io.papi.broker.TokenScope;
import io.papi.broker.TokenUrls;
import io.papi.cli.ExitCode;
import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Who exchanges a JWT for a session token ({@link IdentityOptions}), and where and how: endpoint, role, token URL,
 * timeouts. Shared by {@code token}, {@code broker} and {@code call}.
 */
public final class ExchangeOptions {
    /** The lifetime of a JWT minted for one exchange: just under Snowflake's limit of one hour. */
    static final Duration JWT_LIFETIME = Duration.ofMinutes(59);

    @Mixin
    IdentityOptions identity = new IdentityOptions();

    @Option(
            names = "--endpoint",
            paramLabel = "INGRESS_HOST",
            description = "Ingress host of the SPCS endpoint, from SHOW ENDPOINTS IN SERVICE (env PAPI_ENDPOINT)")
    String endpoint;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            description = "Role for the session, case-sensitive (env SNOWFLAKE_ROLE)")
    String role;

    @Option(
            names = "--token-url",
            paramLabel = "URL",
            description = "Whole token URL (env PAPI_TOKEN_URL; default https://<account host>/oauth/token)")
    String tokenUrl;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description = "Timeout of one token request (env PAPI_TIMEOUT; default 10s)")
    String timeout;

    @Option(
            names = "--default-token-lifetime",
            paramLabel = "DURATION",
            description = "Assumed token lifetime when the token carries no exp (env PAPI_TOKEN_LIFETIME; default 10m)")
    String defaultTokenLifetime;

    public TokenScope scope(Settings settings) {
        String host = settings.require(Setting.ENDPOINT, endpoint);
        String r = settings.get(Setting.ROLE, role).orElse(null);
        try {
            return new TokenScope(r, host);
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }

    public URI tokenUrl(Settings settings, AccountIdentifier account) {
        var explicit = settings.get(Setting.TOKEN_URL, tokenUrl);
        if (explicit.isEmpty()) {
            var host = settings.get(Setting.HOST, null);
            return host.map(h -> URI.create("https://" + h + "/oauth/token"))
                    .orElseGet(() -> TokenUrls.forAccount(account));
        }
        try {
            URI uri = new URI(explicit.get());
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null) {
                throw new java.net.URISyntaxException(explicit.get(), "not an http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw PapiException.usage("--token-url '" + explicit.get()
                    + "' is not an http(s) URL such as https://myorg-myacct.snowflakecomputing.com/oauth/token");
        }
    }

    public TokenExchange exchange(Settings settings, AccountIdentifier account) {
        return exchange(settings, tokenUrl(settings, account));
    }

    /** An exchange at {@code tokenUrl} with this command's timeouts. */
    TokenExchange exchange(Settings settings, URI tokenUrl) {
        try {
            return TokenExchange.builder()
                    .tokenUrl(tokenUrl)
                    .timeout(duration(settings, Setting.TIMEOUT, timeout))
                    .defaultTokenLifetime(duration(settings, Setting.TOKEN_LIFETIME, defaultTokenLifetime))
                    .clock(settings.environment().clock())
                    .build();
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(e.getMessage());
        }
    }

    /** A session token of {@code scope} for a fresh JWT of the identity's key; a refused exchange fails the command. */
    SessionToken sessionToken(Settings settings, AccountIdentifier account, TokenScope scope) {
        TokenExchange client = exchange(settings, account);
        KeyPairJwt minter = identity.minter(settings);
        return refusalFails(() -> client.exchange(minter.mint(JWT_LIFETIME), scope));
    }

    /** One call to the token endpoint; its refusal ends the command with exit 1 and the endpoint's reason. */
    static SessionToken refusalFails(TokenCall call) {
        try {
            return call.run();
        } catch (TokenExchangeException e) {
            throw new PapiException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    /** A call to the token endpoint. */
    interface TokenCall {
        SessionToken run() throws TokenExchangeException;
    }

    /** A duration setting where 0 is allowed (it turns something off). */
    static Duration durationOrZero(Settings settings, Setting setting, String flag) {
        String value = settings.require(setting, flag);
        try {
            return DurationConverter.parse(value);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw PapiException.usage(
                    setting.flag().orElse(setting.env().orElse(setting.name())) + ": " + e.getMessage());
        }
    }

    static Duration duration(Settings settings, Setting setting, String flag) {
        String value = settings.require(setting, flag);
        try {
            Duration d = DurationConverter.parse(value);
            if (d.isZero()) {
                throw PapiException.usage(setting.flag().orElse(setting.name()) + " must be more than 0");
            }
            return d;
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw PapiException.usage(
                    setting.flag().orElse(setting.env().orElse(setting.name())) + ": " + e.getMessage());
        }
    }
}
