package io.papi.cli.command;

import io.papi.broker.AccountIdentifier;
import io.papi.broker.TokenExchange;
import io.papi.broker.TokenScope;
import io.papi.broker.TokenUrls;
import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where and how a JWT is exchanged for a session token: endpoint, role, token URL, timeouts. */
public final class ExchangeOptions {
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
        return TokenExchange.builder()
                .tokenUrl(tokenUrl(settings, account))
                .timeout(duration(settings, Setting.TIMEOUT, timeout))
                .defaultTokenLifetime(duration(settings, Setting.TOKEN_LIFETIME, defaultTokenLifetime))
                .clock(settings.environment().clock())
                .build();
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
