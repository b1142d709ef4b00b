package io.papi.recommender.algorithm;

import io.papi.recommender.Ratings;

/**
 * Popularity damping: another model's scores with item j's divided by (1 + ratings of j)^β, which lifts less-rated
 * items that a popularity-biased model under-ranks. β = 0 leaves the scores alone.
 */
public final class DampedModel implements Model {

    private final Model inner;
    private final float[] factor;

    private DampedModel(Model inner, float[] factor) {
        this.inner = inner;
        this.factor = factor;
    }

    public static Model of(Model inner, Ratings r, double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("popularity damping must be zero or positive, got " + beta);
        }
        if (beta == 0) {
            return inner;
        }
        int[] counts = r.itemCounts();
        float[] f = new float[counts.length];
        for (int j = 0; j < counts.length; j++) {
            f[j] = (float) Math.pow(1 + counts[j], -beta);
        }
        return new DampedModel(inner, f);
    }

    @Override
    public void score(int user, float[] out) {
        inner.score(user, out);
        for (int j = 0; j < factor.length; j++) {
            // A damped negative score would rise towards zero: scale only positive ones, keep the rest in order below.
            out[j] = out[j] > 0 ? out[j] * factor[j] : out[j];
        }
    }
}
