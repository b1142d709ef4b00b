package io.papi.datasets;

import static io.papi.datasets.Fixtures.rows;
import static io.papi.datasets.Fixtures.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media interactions on rows whose answers were worked out by hand. */
class MediaSemanticsTest {
    static final String M1 = "0123456789abcdef0123456789abcdef";
    static final String M2 = "fedcba9876543210fedcba9876543210";
    static final String M3 = "00000000000000000000000000000003";

    @TempDir
    Path dir;

    private Path input() throws IOException {
        return Fixtures.mediaPlays(
                dir,
                "plays.csv",
                // a valid play by a known user
                "42,dA," + M1 + ",\"Label, \"\"x\"\"\",2025-01-05 10:00:00,31,100,true",
                // exactly 30 s: not valid (strictly greater than 30)
                ",dB," + M1 + ",Label,2025-01-06 10:00:00,30,100,false",
                // the window's last millisecond, an anonymous viewer: in
                ",dC," + M2 + ",Zwei,2025-01-31 23:59:59.999,45,100,true",
                // the next midnight, and the millisecond before the window: out
                "7,dD," + M2 + ",Zwei,2025-02-01 00:00:00,45,100,true",
                "8,dE," + M2 + ",Zwei,2024-12-31 23:59:59.999,45,100,true",
                // 31 s but flagged invalid by the input: the flag is used as given unless --valid-play-seconds
                "9,dF," + M3 + ",Drei,2025-01-01 00:00:00,31,60,false");
    }

    private List<List<String>> build(BuildOptions options) throws IOException {
        Path out = dir.resolve("out-" + System.nanoTime());
        Fixtures.build(input(), InputShape.MEDIA, List.of(TrainingDataset.MEDIA_INTERACTIONS), options, out);
        return rows(out, TrainingDataset.MEDIA_INTERACTIONS);
    }

    @Test
    void keepsValidPlaysInTheWindowAndFallsBackToTheUserIdentifier() throws IOException {
        assertThat(build(BuildOptions.defaults()))
                .isEqualTo(sorted(
                        List.of(List.of("42", M1, "1736071200", "Watch"), List.of("dC", M2, "1738367999", "Watch"))));
    }

    @Test
    void validPlaySecondsRecomputesValidityAsStrictlyGreater() throws IOException {
        assertThat(build(BuildOptions.defaults().withValidPlaySeconds(30)))
                .isEqualTo(sorted(List.of(
                        List.of("42", M1, "1736071200", "Watch"),
                        List.of("dC", M2, "1738367999", "Watch"),
                        List.of("9", M3, "1735689600", "Watch"))));
        assertThat(build(BuildOptions.defaults().withValidPlaySeconds(29)))
                .contains(List.of("dB", M1, "1736157600", "Watch"))
                .hasSize(4);
    }
}
