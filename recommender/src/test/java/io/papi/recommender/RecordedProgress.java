package io.papi.recommender;

import java.util.ArrayList;
import java.util.List;

/** A ProgressListener that records each phase started ("phase total"), each "done", and the steps advanced. */
public final class RecordedProgress implements ProgressListener {
    /** "phase total" for each start, "done" for each done, in order. */
    public final List<String> events = new ArrayList<>();

    private long advanced;

    @Override
    public void start(String phase, long total) {
        events.add(phase + " " + total);
    }

    @Override
    public void advance(long n) {
        advanced += n;
    }

    @Override
    public void done() {
        events.add("done");
    }

    /** The sum of every advance. */
    public long advanced() {
        return advanced;
    }
}
