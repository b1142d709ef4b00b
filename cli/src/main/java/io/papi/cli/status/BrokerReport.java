package io.papi.cli.status;

import java.util.List;

/**
 * The running broker as {@code papi status} saw it.
 *
 * @param url where it was asked
 * @param health what it said
 * @param detail why, when not {@link Health#OK}
 * @param identities each identity's token and refresh state
 */
public record BrokerReport(String url, Health health, String detail, List<IdentityReport> identities) {

    /**
     * One identity. Fields the broker did not send are null (an older broker has no {@code last_refresh_at}).
     *
     * @param expiresInSeconds time left on the token held, null without one
     * @param lastRefreshAt when the token held was received (ISO-8601)
     * @param nextRefreshAt when the next refresh or retry is planned (ISO-8601)
     * @param lastError the last refresh failure, cleared by a success
     */
    public record IdentityReport(
            String name,
            boolean ready,
            Long expiresInSeconds,
            String expiresAt,
            String lastRefreshAt,
            String nextRefreshAt,
            Integer consecutiveFailures,
            String lastError) {}
}
