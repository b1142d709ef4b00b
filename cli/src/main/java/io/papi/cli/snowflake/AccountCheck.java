package io.papi.cli.snowflake;

/**
 * The result of one preflight check of a Snowflake account: passed or failed, what was found, and for a failure
 * the fix (a statement to run, or a setting to add).
 */
public record AccountCheck(boolean passed, String found, String fix) {
    public static AccountCheck pass(String found) {
        return new AccountCheck(true, found, null);
    }

    public static AccountCheck fail(String found, String fix) {
        return new AccountCheck(false, found, fix);
    }

    /** One line: {@code ✓ found} or {@code ✗ found; fix: …}. */
    public String line() {
        return passed ? "\u2713 " + found : "\u2717 " + found + (fix == null ? "" : "; fix: " + fix);
    }
}
