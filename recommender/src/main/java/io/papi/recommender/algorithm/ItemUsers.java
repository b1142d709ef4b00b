package io.papi.recommender.algorithm;

import io.papi.recommender.Ratings;

/** The ratings regrouped by item (compressed sparse columns): who rated item i, and how. */
final class ItemUsers {

    final int[] start;
    final int[] users;
    final float[] values;

    private ItemUsers(int[] start, int[] users, float[] values) {
        this.start = start;
        this.users = users;
        this.values = values;
    }

    static ItemUsers of(Ratings r) {
        int items = r.itemCount();
        int[] start = new int[items + 1];
        for (int p = 0; p < r.size(); p++) {
            start[r.item(p) + 1]++;
        }
        for (int i = 0; i < items; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = start.clone();
        int[] users = new int[r.size()];
        float[] values = new float[r.size()];
        for (int u = 0; u < r.userCount(); u++) {
            for (int p = r.start(u); p < r.end(u); p++) {
                int at = fill[r.item(p)]++;
                users[at] = u;
                values[at] = r.value(p);
            }
        }
        return new ItemUsers(start, users, values);
    }
}
