package io.papi.recommender.algorithm;

import java.math.BigDecimal;
import java.math.MathContext;

/** Knob values as people write them: 350, 0.25, 1.4e-3, never 350.00000001. */
public final class Format {

    private Format() {}

    public static String knob(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
