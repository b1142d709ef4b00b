package io.papi.cli.status;

/** How one part of papi is doing, as {@code papi status} reports it. */
public enum Health {
    /** It answers and says it is fine. */
    OK("ok"),
    /** It answers and says something is wrong (not ready, a failing identity, a refusal). */
    UNHEALTHY("unhealthy"),
    /** Nothing answers where it was looked for. */
    NOT_RUNNING("not running"),
    /** Not looked for ({@code off}), or nothing there to look at (no local account). */
    ABSENT("-");

    private final String label;

    Health(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
