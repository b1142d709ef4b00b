package io.papi.api.ids;

import io.papi.api.ApiConfig.IdMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the raw, still percent-encoded ids segment of {@code /customer/{ids}} into the list of user ids to look up,
 * or says exactly what is wrong with it.
 *
 * <p>Only the shapes below pass, so nothing else can reach a query (ids are also bound as parameters there):
 * <ul>
 *   <li>NUMERIC: ASCII digits; leading zeros are dropped ({@code 007} is user {@code 7}, the guide's NUMBER key);</li>
 *   <li>ALPHANUMERIC: ASCII letters, digits and {@code . _ : -}, case kept: Snowplow's UUIDs and 32-hex media ids,
 *       SKUs, Personalize's ids of up to 256 characters.</li>
 * </ul>
 * Ids are comma-separated, at most {@code maxIds} of them, each at most {@code maxIdLength} characters; a
 * repeated id is looked up and answered once, in the order first asked. Percent-escapes are decoded first, so
 * {@code %2F}, {@code %00} or an encoded non-ASCII letter is named in the error like any other bad character.
 */
public final class IdParser {
    private static final int SHOWN_CHARS = 24;

    private final IdMode mode;
    private final int maxIds;
    private final int maxIdLength;
    private final String rule;

    public IdParser(IdMode mode, int maxIds, int maxIdLength) {
        this.mode = mode;
        this.maxIds = maxIds;
        this.maxIdLength = maxIdLength;
        this.rule = (mode == IdMode.NUMERIC ? "ids are digits" : "ids are letters, digits and ._:-")
                + ", comma-separated, at most " + maxIds;
    }

    /**
     * @param rawSegment the path after {@code /customer/}, as received (percent-encoded); may be empty
     * @return distinct ids in request order, canonical (leading zeros dropped in NUMERIC mode)
     * @throws InvalidIdsException with the one-line message for the caller
     */
    public List<String> parse(String rawSegment) throws InvalidIdsException {
        String ids = rawSegment.indexOf('%') < 0 ? rawSegment : percentDecode(rawSegment);
        if (ids.isEmpty()) {
            throw new InvalidIdsException(
                    "no ids given: ask for /customer/<id>, or several ids comma-separated (" + rule + ")");
        }
        int count = 1;
        for (int i = 0; i < ids.length(); i++) {
            if (ids.charAt(i) == ',') {
                count++;
            }
        }
        if (count > maxIds) {
            throw new InvalidIdsException(
                    count + " ids given: ask for at most " + maxIds + " per request (" + rule + ")");
        }
        List<String> result = new ArrayList<>(count);
        Set<String> seen = count > 1 ? new HashSet<>(count * 2) : null;
        int start = 0;
        for (int position = 1; position <= count; position++) {
            int end = ids.indexOf(',', start);
            if (end < 0) {
                end = ids.length();
            }
            String id = check(ids, start, end, position);
            if (seen == null || seen.add(id)) {
                result.add(id);
            }
            start = end + 1;
        }
        return result;
    }

    /**
     * One id, as {@code /item/{id}/...} and {@code ?user=} take it: the same rules, and a comma is simply a character
     * that is not allowed.
     *
     * @param what names the id in the message ("item id", "user")
     */
    public String parseOne(String raw, String what) throws InvalidIdsException {
        String id = raw.indexOf('%') < 0 ? raw : percentDecode(raw);
        String single = (mode == IdMode.NUMERIC ? "digits" : "letters, digits and ._:-") + ", at most " + maxIdLength
                + " characters";
        if (id.isEmpty()) {
            throw new InvalidIdsException("no " + what + " given: " + what + "s are " + single);
        }
        if (id.length() > maxIdLength) {
            throw new InvalidIdsException(what + " '" + shown(id, 0, id.length()) + "' is " + id.length()
                    + " characters long: " + what + "s are " + single);
        }
        for (int i = 0; i < id.length(); i++) {
            if (!allowed(id.charAt(i))) {
                throw new InvalidIdsException(what + " '" + shown(id, 0, id.length())
                        + "' has a character that is not allowed: " + what + "s are " + single);
            }
        }
        return id;
    }

    private boolean allowed(char c) {
        return (c >= '0' && c <= '9')
                || (mode == IdMode.ALPHANUMERIC
                        && ((c >= 'a' && c <= 'z')
                                || (c >= 'A' && c <= 'Z')
                                || c == '.'
                                || c == '_'
                                || c == ':'
                                || c == '-'));
    }

    private String check(String ids, int start, int end, int position) throws InvalidIdsException {
        int length = end - start;
        if (length == 0) {
            throw new InvalidIdsException("id at position " + position + " is empty: " + rule);
        }
        if (length > maxIdLength) {
            throw new InvalidIdsException("id '" + shown(ids, start, end) + "' at position " + position + " is "
                    + length + " characters long: ids are at most " + maxIdLength + " characters");
        }
        for (int i = start; i < end; i++) {
            char c = ids.charAt(i);
            if (!allowed(c)) {
                throw new InvalidIdsException("id '" + shown(ids, start, end) + "' at position " + position
                        + (mode == IdMode.NUMERIC ? " is not a number: " : " has a character that is not allowed: ")
                        + rule);
            }
        }
        if (mode == IdMode.NUMERIC) {
            int first = start;
            while (first < end - 1 && ids.charAt(first) == '0') {
                first++;
            }
            return ids.substring(first, end);
        }
        return ids.substring(start, end);
    }

    /**
     * Decodes %XX escapes into one char per byte (0-255), so that any non-ASCII or control byte is caught by the
     * character check and shown re-escaped. A malformed escape is an error of its own.
     */
    private String percentDecode(String raw) throws InvalidIdsException {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new InvalidIdsException("malformed percent-escape at character " + (i + 1)
                        + " of the ids: '%' must be followed by two hex digits (" + rule + ")");
            }
            out.append((char) (hi * 16 + lo));
            i += 2;
        }
        return out.toString();
    }

    /** The id as the caller may see it: printable ASCII as is, anything else as %XX, cut short. */
    private static String shown(String ids, int start, int end) {
        StringBuilder s = new StringBuilder();
        for (int i = start; i < end && s.length() < SHOWN_CHARS; i++) {
            char c = ids.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                s.append(c);
            } else if (c <= 0xff) {
                s.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                s.append('?');
            }
        }
        if (end - start > SHOWN_CHARS) {
            s.append("...");
        }
        return s.toString();
    }
}
