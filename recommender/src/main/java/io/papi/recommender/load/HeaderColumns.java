package io.papi.recommender.load;

import io.papi.recommender.BadDataException;
import java.util.List;
import java.util.Locale;

/** Finds named columns in a header line, case-insensitively. */
final class HeaderColumns {

    private HeaderColumns() {}

    /**
     * Returns the 0-based position of each wanted column.
     *
     * @throws BadDataException naming the missing column and the expected header
     */
    static int[] locate(List<String> names, String[] wanted, String file, long line, String expected)
            throws BadDataException {
        int[] at = new int[wanted.length];
        for (int w = 0; w < wanted.length; w++) {
            at[w] = indexOf(names, wanted[w]);
            if (at[w] < 0) {
                throw new BadDataException(file + ":" + line + ": header has no column " + wanted[w] + " (found "
                        + String.join(",", names) + "; expected " + expected + ")");
            }
        }
        return at;
    }

    static int indexOf(List<String> names, String wanted) {
        for (int k = 0; k < names.size(); k++) {
            if (names.get(k).trim().toUpperCase(Locale.ROOT).equals(wanted.toUpperCase(Locale.ROOT))) {
                return k;
            }
        }
        return -1;
    }

    static int width(int[] at) {
        int max = -1;
        for (int a : at) {
            max = Math.max(max, a);
        }
        return max + 1;
    }
}
