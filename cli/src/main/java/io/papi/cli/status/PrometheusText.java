package io.papi.cli.status;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads samples out of a Prometheus text exposition, the format of the broker's and the API's {@code /metrics}:
 * {@code name{label="value",...} number}, one a line, {@code #} lines being help and type.
 */
final class PrometheusText {
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    PrometheusText(String text) {
        this.text = text;
    }

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}; empty when there is none. */
    OptionalDouble sum(String name, Map<String, String> labels) {
        double total = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.find() || !m.group(1).equals(name) || !hasLabels(m.group(3), labels)) {
                continue;
            }
            try {
                total += Double.parseDouble(m.group(4));
                found = true;
            } catch (NumberFormatException notANumber) {
                // NaN and +Inf parse; anything else is not a sample
            }
        }
        return found ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    private static boolean hasLabels(String given, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (given == null) {
            return false;
        }
        int matched = 0;
        Matcher m = LABEL.matcher(given);
        while (m.find()) {
            if (m.group(2).equals(wanted.get(m.group(1)))) {
                matched++;
            }
        }
        return matched == wanted.size();
    }
}
