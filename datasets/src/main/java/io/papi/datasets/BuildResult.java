package io.papi.datasets;

import java.util.Map;

/** What a build wrote: rows per dataset. */
public record BuildResult(Map<TrainingDataset, Long> rows) {
    public BuildResult {
        rows = Map.copyOf(rows);
    }
}
