package io.papi.recommender.algorithm;

import io.papi.recommender.Ratings;

/** Scores every item by how many users rated it, the same for everyone. */
public final class PopularityModel implements Model {

    private final float[] counts;

    private PopularityModel(float[] counts) {
        this.counts = counts;
    }

    public static PopularityModel train(Ratings r) {
        int[] c = r.itemCounts();
        float[] f = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            f[i] = c[i];
        }
        return new PopularityModel(f);
    }

    @Override
    public void score(int user, float[] out) {
        System.arraycopy(counts, 0, out, 0, counts.length);
    }
}
