package io.papi.broker.exchange;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-supplied text made fit for a one-line message: control characters and line breaks flattened, anything
 * that could be a JWT or a token replaced, length capped. Servers echo what they were sent often enough that
 * their words are not trusted to be free of secrets.
 */
public final class SafeText {
    /** A JWT, or a part of one: base64url of a JSON object starts with "eyJ". */
    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_\\-]*(\\.[A-Za-z0-9_\\-]*)*");
    /**
     * A long unbroken run of token characters mixing letters and digits: a session token, a PAT, a key. Dots end a
     * run so host names survive; UUIDs (Snowflake's error references) are kept too.
     */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_~+/=:\\-]{24,}");

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final String REDACTED = "[redacted]";

    private SafeText() {}

    /** At most {@code max} printable characters of {@code text} on one line, secrets replaced by {@code [redacted]}. */
    public static String oneLine(String text, int max) {
        String safe = flattenAndRedact(text);
        return safe.length() <= max ? safe : safe.substring(0, max) + "...";
    }

    /** The first {@code max} characters, for "first bytes: ..." in a message. */
    public static String prefix(String text, int max) {
        String safe = flattenAndRedact(text);
        return safe.length() <= max ? safe : safe.substring(0, max).strip();
    }

    // redact before cutting, so a cut can never leave the head of a secret behind
    private static String flattenAndRedact(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ")
                .replaceAll("[^\\x20-\\x7E]", "?")
                .strip();
        return TOKEN_LIKE
                .matcher(JWT_LIKE.matcher(flat).replaceAll(REDACTED))
                .replaceAll(run -> looksSecret(run.group()) ? REDACTED : Matcher.quoteReplacement(run.group()));
    }

    private static boolean looksSecret(String run) {
        return !UUID.matcher(run).matches()
                && run.chars().anyMatch(Character::isDigit)
                && run.chars().anyMatch(Character::isLetter);
    }
}
