package io.papi.cli.status;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code papi status} for people: one block a part, the broker's identities as a table. */
public final class StatusTable {
    private final Instant now;

    public StatusTable(Instant now) {
        this.now = now;
    }

    public void print(StatusReport report, PrintWriter out) {
        BrokerReport broker = report.broker();
        if (broker != null) {
            heading(out, "Broker", broker.url(), broker.health(), broker.detail());
            if (!broker.identities().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {
                    "IDENTITY", "READY", "TOKEN LEFT", "LAST REFRESH", "NEXT REFRESH", "FAILURES", "LAST ERROR"
                });
                for (BrokerReport.IdentityReport id : broker.identities()) {
                    rows.add(new String[] {
                        id.name(),
                        id.ready() ? "yes" : "NO",
                        id.expiresInSeconds() == null ? "no token" : span(Duration.ofSeconds(id.expiresInSeconds())),
                        relative(id.lastRefreshAt()),
                        relative(id.nextRefreshAt()),
                        id.consecutiveFailures() == null
                                ? "-"
                                : id.consecutiveFailures().toString(),
                        id.lastError() == null ? "-" : id.lastError()
                    });
                }
                table(out, rows);
            }
        }
        ApiReport api = report.api();
        if (api != null) {
            heading(out, "API", api.url(), api.health(), api.detail());
            if (api.requests() != null || api.cacheHits() != null) {
                out.printf(
                        Locale.ROOT,
                        "  requests %s; cache: %s hits, %s misses%s, %s users cached%n",
                        shown(api.requests()),
                        shown(api.cacheHits()),
                        shown(api.cacheMisses()),
                        api.cacheHitRatio() == null
                                ? ""
                                : String.format(Locale.ROOT, " (%.1f%% hits)", 100 * api.cacheHitRatio()),
                        shown(api.cachedUsers()));
            }
        }
        LocalAccountReport local = report.local();
        if (local != null) {
            heading(out, "Local account", local.directory(), local.health(), local.detail());
            if (local.account() != null) {
                out.println("  account " + local.account() + ", "
                        + local.users().size() + (local.users().size() == 1 ? " user" : " users"));
                for (LocalAccountReport.User user : local.users()) {
                    out.println("  " + user.name() + " (role " + user.defaultRole() + "): key 1 "
                            + orDash(user.rsaPublicKeyFp()) + ", key 2 " + orDash(user.rsaPublicKey2Fp()));
                }
            }
        }
        List<String> problems = report.problems();
        out.println(problems.isEmpty() ? "Healthy." : "Unhealthy: " + String.join("; ", problems));
    }

    private static void heading(PrintWriter out, String part, String where, Health health, String detail) {
        out.println(part + "  " + where + "  " + health.label() + (detail == null ? "" : ": " + detail));
    }

    private static void table(PrintWriter out, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append("  ").append(i == row.length - 1 ? row[i] : pad(row[i], width[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private String relative(String iso) {
        if (iso == null) {
            return "-";
        }
        try {
            Duration d = Duration.between(now, Instant.parse(iso));
            return d.isNegative() ? span(d.negated()) + " ago" : "in " + span(d);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** {@code 9m 59s}, {@code 1h 2m}, {@code 45s}. */
    static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        return s >= 60 ? s / 60 + "m " + s % 60 + "s" : s + "s";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String shown(Long value) {
        return value == null ? "-" : value.toString();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
