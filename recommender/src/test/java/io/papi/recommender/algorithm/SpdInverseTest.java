package io.papi.recommender.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.papi.recommender.ProgressListener;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpdInverseTest {

    @Test
    void invertsAThreeByThreeMatrixWithAKnownInverse() {
        // [[3,2,1],[2,4,2],[1,2,3]] has determinant 16 and inverse [[8,-4,0],[-4,8,-4],[0,-4,8]] / 16.
        double[] a = {3, 2, 1, 2, 4, 2, 1, 2, 3};

        double[] inv = SpdInverse.invert(a, 3, ProgressListener.NONE);

        assertThat(inv).containsExactly(new double[] {0.5, -0.25, 0, -0.25, 0.5, -0.25, 0, -0.25, 0.5}, within(1e-15));
    }

    /** Sizes around the panel (64) and block (32) widths, so every remainder loop runs. */
    @ParameterizedTest
    @ValueSource(ints = {1, 5, 31, 33, 64, 67, 130, 301})
    void matchesEjmlOnRandomSpdMatrices(int n) {
        Random random = new Random(n);
        double[] x = new double[n * (n + 7)];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextDouble() < 0.3 ? 1 : 0;
        }
        DMatrixRMaj xm = new DMatrixRMaj(n + 7, n, true, x);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(xm, xm, g);
        for (int i = 0; i < n; i++) {
            g.add(i, i, 2.5);
        }
        DMatrixRMaj expected = new DMatrixRMaj(n, n);
        assertThat(CommonOps_DDRM.invertSPD(g.copy(), expected)).isTrue();

        double[] inv = SpdInverse.invert(g.getData().clone(), n, ProgressListener.NONE);

        double worst = 0;
        for (int k = 0; k < n * n; k++) {
            worst = Math.max(worst, Math.abs(inv[k] - expected.getData()[k]));
        }
        assertThat(worst).isLessThan(1e-10);
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefinite() {
        double[] a = {1, 2, 2, 1};

        assertThatThrownBy(() -> SpdInverse.invert(a, 2, ProgressListener.NONE))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageStartingWith("matrix is not positive definite");
    }
}
