package io.papi.recommender;

/** The default synthetic data set, generated once per test JVM (about a second). */
public final class TestData {

    private static SyntheticData synthetic;

    private TestData() {}

    public static synchronized SyntheticData synthetic() {
        if (synthetic == null) {
            synthetic = SyntheticData.generate();
        }
        return synthetic;
    }
}
