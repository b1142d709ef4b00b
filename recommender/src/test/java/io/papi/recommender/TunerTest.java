package io.papi.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TunerTest {

    /** A MovieLens-shaped data set that no default was chosen on (the defaults come from the default seed). */
    private static final Ratings UNSEEN = SyntheticData.generate(7).ratings();

    @Test
    void theTunedDefaultBeatsFixedLambda200OnHeldOutData() {
        RandomSplit outer = RandomSplit.perUser(UNSEEN, Evaluation.DEFAULT_SEED, Evaluation.TRAIN_FRACTION);

        Tuning tuning = Tuner.tune(
                outer.train(),
                Algorithm.defaultAlgorithm(),
                Parameters.defaults(),
                Set.of(),
                Tuner.DEFAULT_SEED,
                ProgressListener.NONE);
        EvaluationRow tuned =
                Evaluation.evaluate(outer, tuning.algorithm(), tuning.parameters(), 10, ProgressListener.NONE);
        EvaluationRow plain = Evaluation.evaluate(
                outer, Algorithm.EASE, Parameters.defaults().withEaseLambda(200), 10, ProgressListener.NONE);

        System.out.println(
                tuning.summary() + "; held-out nDCG@10 " + tuned.ndcg() + " against EASE lambda=200 " + plain.ndcg());
        assertThat(tuning.algorithm()).isEqualTo(Algorithm.EDLAE);
        assertThat(tuned.ndcg()).isGreaterThan(plain.ndcg() + 0.01);
        assertThat(tuning.fits()).isBetween(1, Tuner.MAX_FITS);
    }

    @Test
    void tunedEaseIsAtLeastAsGoodAsLambda200OnHeldOutData() {
        RandomSplit outer = RandomSplit.perUser(UNSEEN, 3, Evaluation.TRAIN_FRACTION);

        Tuning tuning = Tuner.tune(
                outer.train(),
                Algorithm.EASE,
                Parameters.defaults(),
                Set.of(),
                Tuner.DEFAULT_SEED,
                ProgressListener.NONE);
        double tuned = Evaluation.evaluate(outer, Algorithm.EASE, tuning.parameters(), 10, ProgressListener.NONE)
                .ndcg();
        double plain = Evaluation.evaluate(
                        outer, Algorithm.EASE, Parameters.defaults().withEaseLambda(200), 10, ProgressListener.NONE)
                .ndcg();

        System.out.println(tuning.summary() + "; held-out nDCG@10 " + tuned + " against lambda=200 " + plain);
        assertThat(tuning.tuned()).containsExactly(Knob.LAMBDA);
        assertThat(tuned).isGreaterThanOrEqualTo(plain - 0.002);
    }

    @Test
    void theSameSeedChoosesTheSameKnobsAndAnotherSeedMayNot() {
        Ratings r = TestData.synthetic().ratings();

        Tuning a = Tuner.tune(r, Algorithm.EASE, Parameters.defaults(), Set.of(), 5, ProgressListener.NONE);
        Tuning b = Tuner.tune(r, Algorithm.EASE, Parameters.defaults(), Set.of(), 5, ProgressListener.NONE);

        assertThat(b.parameters()).isEqualTo(a.parameters());
        assertThat(b.validationNdcg()).isEqualTo(a.validationNdcg());
        assertThat(b.fits()).isEqualTo(a.fits());
    }

    @Test
    void aKnobTheCallerGaveStaysFixed() {
        Ratings r = TestData.synthetic().ratings();

        Tuning t = Tuner.tune(
                r,
                Algorithm.EDLAE,
                Parameters.defaults().withEaseLambda(350),
                EnumSet.of(Knob.LAMBDA),
                Tuner.DEFAULT_SEED,
                ProgressListener.NONE);

        assertThat(t.parameters().easeLambda()).isEqualTo(350);
        assertThat(t.tuned()).doesNotContain(Knob.LAMBDA).contains(Knob.DENOISING, Knob.DAMPING, Knob.RATING_INPUT);
        assertThat(t.summary()).startsWith("edlae: tuned lambda=350 ");
    }

    @Test
    void withEveryKnobFixedNothingIsFitted() {
        Parameters given = Parameters.defaults().withEaseLambda(123);

        Tuning t = Tuner.tune(
                TestData.synthetic().ratings(),
                Algorithm.EASE,
                given,
                EnumSet.of(Knob.LAMBDA),
                1,
                ProgressListener.NONE);

        assertThat(t.parameters()).isSameAs(given);
        assertThat(t.fits()).isZero();
        assertThat(t.summary()).isEqualTo("ease: lambda=123 (not tuned)");
    }

    @Test
    void refusesDataWithNothingToHoldOut() {
        Ratings one = Ratings.builder().add(1, 1, 5, 0).add(2, 2, 4, 0).build();

        assertThatThrownBy(() ->
                        Tuner.tune(one, Algorithm.EASE, Parameters.defaults(), Set.of(), 1, ProgressListener.NONE))
                .hasMessageStartingWith("too few ratings per user to hold any out for tuning");
    }
}
