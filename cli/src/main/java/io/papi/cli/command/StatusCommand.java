package io.papi.cli.command;

import io.papi.cli.JsonOutput;
import io.papi.cli.PapiException;
import io.papi.cli.config.Setting;
import io.papi.cli.config.Settings;
import io.papi.cli.status.ApiProbe;
import io.papi.cli.status.BrokerProbe;
import io.papi.cli.status.LocalAccountProbe;
import io.papi.cli.status.StatusReport;
import io.papi.cli.status.StatusTable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code papi status}: the running broker, the API and the local account at a glance; exit 1 when unhealthy. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show how the broker, the API and the local account are doing.",
            "The broker's identities with time left on their tokens, last and next refresh, failures in a row",
            "and the last error; the API's readiness and cache figures; the local account's users and keys.",
            "Exits 1 when a part is unhealthy, or a part named by flag does not answer: a health probe."
        })
public final class StatusCommand extends PapiSubcommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Option(
            names = "--broker",
            paramLabel = "URL",
            description =
                    "The broker to ask, or off (env PAPI_BROKER_URL; default http://$PAPI_BROKER_LISTEN, else http://127.0.0.1:8081)")
    String broker;

    @Option(
            names = "--auth-token-file",
            paramLabel = "FILE",
            description =
                    "The broker's bearer secret (env PAPI_BROKER_AUTH_TOKEN_FILE; default $PAPI_HOME/broker/secret when it exists)")
    Path secretFile;

    @Option(
            names = "--api",
            paramLabel = "URL",
            description = "The lookup API to ask, or off (env PAPI_API_URL; default http://127.0.0.1:8001)")
    String api;

    @Mixin
    LocalDirOption localDir = new LocalDirOption();

    @Option(names = "--json", description = "Print the same as one JSON object, for scripts")
    boolean json;

    @Override
    protected int run() {
        Settings settings = new Settings(environment(), null, this::warn);
        List<String> required = new ArrayList<>();
        Optional<String> brokerGiven = settings.get(Setting.BROKER_URL, broker);
        brokerGiven.ifPresent(b -> required.add("broker"));
        String brokerUrl = brokerGiven.orElseGet(() -> "http://" + settings.require(Setting.BROKER_LISTEN, null));
        Optional<String> apiGiven =
                Optional.ofNullable(api).or(() -> environment().get("PAPI_API_URL"));
        apiGiven.ifPresent(a -> required.add("api"));
        String apiUrl = settings.require(Setting.STATUS_API, api);

        BrokerProbe brokers = new BrokerProbe(TIMEOUT);
        URI brokerUri = off(brokerUrl) ? null : uri(brokerUrl, "--broker");
        URI apiUri = off(apiUrl) ? null : uri(apiUrl, "--api");
        Optional<String> secret = brokerUri == null ? Optional.empty() : secret(settings);
        StatusReport report = new StatusReport(
                brokerUri == null ? null : brokers.probe(brokerUri, secret),
                apiUri == null
                        ? null
                        : new ApiProbe(TIMEOUT)
                                .probe(
                                        apiUri,
                                        () -> brokerUri == null
                                                ? Optional.empty()
                                                : brokers.authorization(brokerUri, secret)),
                LocalAccountProbe.probe(localDir.resolve(environment())),
                required);
        if (json) {
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("healthy", report.healthy());
            body.put("problems", report.problems());
            body.put("broker", report.broker());
            body.put("api", report.api());
            body.put("local_account", report.local());
            out().println(JsonOutput.write(body));
        } else {
            new StatusTable(environment().clock().instant()).print(report, out());
        }
        return report.healthy() ? 0 : 1;
    }

    private static boolean off(String url) {
        return url.equalsIgnoreCase("off");
    }

    private static URI uri(String url, String flag) {
        try {
            URI uri = URI.create(url.contains("://") ? url : "http://" + url);
            if (uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw PapiException.usage(
                    flag + " '" + url + "' is not an http(s) URL: write it like http://127.0.0.1:8081, or off");
        }
    }

    /** The secret from --auth-token-file (which must exist), else the broker's default file when it exists. */
    private Optional<String> secret(Settings settings) {
        Optional<String> given =
                settings.get(Setting.BROKER_AUTH_TOKEN_FILE, secretFile == null ? null : secretFile.toString());
        Path file = given.map(Path::of)
                .orElse(environment().papiHome().resolve("broker").resolve("secret"));
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw PapiException.usage("the broker secret file " + file + " is empty");
            }
            return Optional.of(secret);
        } catch (NoSuchFileException e) {
            if (given.isPresent()) {
                throw PapiException.usage(
                        "the broker secret file " + file + " does not exist: check --auth-token-file");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw PapiException.usage("cannot read the broker secret file " + file + ": " + e.getMessage());
        }
    }
}
