package io.papi.cli.status;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code papi status} found, and whether that is healthy: no part says it is unhealthy, no part asked
 * for by name is missing, and at least one part answered.
 *
 * @param required the parts named by flag or environment ("broker", "api"): their absence is a failure
 */
public record StatusReport(BrokerReport broker, ApiReport api, LocalAccountReport local, List<String> required) {

    /** Why the report is unhealthy, one phrase a part; empty when healthy. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(
                problems,
                "broker",
                broker == null ? Health.ABSENT : broker.health(),
                broker == null ? null : broker.detail());
        check(problems, "api", api == null ? Health.ABSENT : api.health(), api == null ? null : api.detail());
        check(
                problems,
                "local account",
                local == null ? Health.ABSENT : local.health(),
                local == null ? null : local.detail());
        boolean anyAnswered =
                (broker != null && broker.health() == Health.OK || api != null && api.health() == Health.OK);
        if (problems.isEmpty() && !anyAnswered) {
            problems.add("neither a broker nor an API answered");
        }
        return problems;
    }

    public boolean healthy() {
        return problems().isEmpty();
    }

    private void check(List<String> problems, String part, Health health, String detail) {
        if (health == Health.UNHEALTHY || health == Health.NOT_RUNNING && required.contains(part)) {
            problems.add(part + ": " + (detail == null ? health.label() : detail));
        }
    }
}
