package io.papi.recommender.load;

import java.util.ArrayList;
import java.util.List;

/** Splits one line into fields: plainly on a delimiter, or as RFC 4180 CSV with double-quoted fields. */
final class FieldSplitter {

    private final char delimiter;
    private final boolean quoted;

    private FieldSplitter(char delimiter, boolean quoted) {
        this.delimiter = delimiter;
        this.quoted = quoted;
    }

    /** Every delimiter separates fields; quotes are ordinary characters (MovieLens' tab and pipe files). */
    static FieldSplitter plain(char delimiter) {
        return new FieldSplitter(delimiter, false);
    }

    /** RFC 4180: a field may be enclosed in double quotes, and a quote inside it is written twice. */
    static FieldSplitter csv(char delimiter) {
        return new FieldSplitter(delimiter, true);
    }

    List<String> split(String line) throws RowProblem {
        List<String> fields = new ArrayList<>(8);
        int n = line.length();
        int pos = 0;
        while (true) {
            if (quoted && pos < n && line.charAt(pos) == '"') {
                StringBuilder f = new StringBuilder();
                int k = pos + 1;
                while (true) {
                    if (k >= n) {
                        throw new RowProblem("quoted field starting at column " + (pos + 1) + " has no closing quote");
                    }
                    char c = line.charAt(k);
                    if (c == '"') {
                        if (k + 1 < n && line.charAt(k + 1) == '"') {
                            f.append('"');
                            k += 2;
                            continue;
                        }
                        k++;
                        break;
                    }
                    f.append(c);
                    k++;
                }
                fields.add(f.toString());
                if (k == n) {
                    return fields;
                }
                if (line.charAt(k) != delimiter) {
                    throw new RowProblem("unexpected character after the closing quote at column " + (k + 1));
                }
                pos = k + 1;
            } else {
                int d = line.indexOf(delimiter, pos);
                if (d < 0) {
                    fields.add(line.substring(pos));
                    return fields;
                }
                fields.add(line.substring(pos, d));
                pos = d + 1;
            }
        }
    }
}
