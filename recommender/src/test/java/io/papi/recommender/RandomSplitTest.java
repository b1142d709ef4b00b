package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSplitTest {

    private static Ratings ratings() {
        Ratings.Builder b = Ratings.builder();
        for (int u = 1; u <= 30; u++) {
            for (int i = 1; i <= 20 + u; i++) {
                b.add(u, i * 7 % 101, 1 + i % 5, i);
            }
        }
        return b.build();
    }

    @Test
    void eachUserKeepsTheFloorOfThreeQuartersForTrainingAndTheRestIsHeldOut() {
        Ratings r = ratings();

        RandomSplit s = RandomSplit.perUser(r, 42, 0.75);

        for (int u = 0; u < r.userCount(); u++) {
            int n = r.end(u) - r.start(u);
            assertThat(s.train().end(u) - s.train().start(u)).isEqualTo((int) Math.floor(0.75 * n));
            Set<Integer> train = new HashSet<>();
            for (int p = s.train().start(u); p < s.train().end(u); p++) {
                train.add(s.train().item(p));
            }
            Set<Integer> all = new HashSet<>(train);
            for (int p = s.test().start(u); p < s.test().end(u); p++) {
                assertThat(train).doesNotContain(s.test().item(p));
                all.add(s.test().item(p));
            }
            assertThat(all).hasSize(n);
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Ratings r = ratings();

        RandomSplit a = RandomSplit.perUser(r, 42, 0.75);
        RandomSplit b = RandomSplit.perUser(r, 42, 0.75);
        RandomSplit c = RandomSplit.perUser(r, 43, 0.75);

        assertThat(items(a.test())).isEqualTo(items(b.test()));
        assertThat(items(a.test())).isNotEqualTo(items(c.test()));
    }

    private static Set<Long> items(Ratings r) {
        Set<Long> s = new HashSet<>();
        for (int u = 0; u < r.userCount(); u++) {
            for (int p = r.start(u); p < r.end(u); p++) {
                s.add((long) u << 32 | r.item(p));
            }
        }
        return s;
    }
}
