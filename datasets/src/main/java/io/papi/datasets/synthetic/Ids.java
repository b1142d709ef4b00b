package io.papi.datasets.synthetic;

import java.util.SplittableRandom;

/** Identifiers shaped like Snowplow's: UUIDs for domain user and session ids, 32 hex characters for media. */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    static String uuid(SplittableRandom random) {
        String hex = hex(random, 32);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    static String hex(SplittableRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = HEX[random.nextInt(16)];
        }
        return new String(chars);
    }

    /** An index into {@code n} things with a long tail: low indexes are picked far more often. */
    static int popular(SplittableRandom random, int n) {
        return (int) (n * Math.pow(random.nextDouble(), 2.5));
    }
}
