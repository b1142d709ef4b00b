package io.papi.cli;

import java.util.ArrayList;
import java.util.List;

/** A command line put together from words and groups of words, so a test names a shared group of flags once. */
final class Args {
    private Args() {}

    /** Each part is a word ({@link String}, or anything by its {@code toString}) or an array of parts. */
    static String[] of(Object... parts) {
        List<String> words = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Object[] group) {
                words.addAll(List.of(of(group)));
            } else {
                words.add(part.toString());
            }
        }
        return words.toArray(String[]::new);
    }
}
