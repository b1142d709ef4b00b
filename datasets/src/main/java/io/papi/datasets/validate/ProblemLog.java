package io.papi.datasets.validate;

import io.papi.datasets.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects problems, listing only the first few of each (dataset, rule) so that a bad column of ten million rows
 * gives five lines and a count, not ten million lines.
 */
public final class ProblemLog {
    private static final int LISTED_PER_RULE = 5;
    private final boolean strict;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> listed = new HashMap<>();
    private long suppressed;

    public ProblemLog(boolean strict) {
        this.strict = strict;
    }

    public void error(String dataset, long row, String rule, String message) {
        add(new Problem(Problem.Severity.ERROR, dataset, row, rule, message));
    }

    public void warning(String dataset, long row, String rule, String message) {
        Problem problem = new Problem(Problem.Severity.WARNING, dataset, row, rule, message);
        add(strict ? problem.asError() : problem);
    }

    private void add(Problem problem) {
        int count = listed.merge(problem.dataset() + "\u0000" + problem.rule(), 1, Integer::sum);
        if (problem.row() > 0 && count > LISTED_PER_RULE) {
            suppressed++;
            if (problem.severity() == Problem.Severity.ERROR && count == LISTED_PER_RULE + 1) {
                // keep one line that says more of the same were left out; the exit code already says error
                problems.add(new Problem(
                        problem.severity(),
                        problem.dataset(),
                        0,
                        problem.rule(),
                        "more rows break this rule; only the first " + LISTED_PER_RULE + " are listed"));
            }
            return;
        }
        problems.add(problem);
    }

    public List<Problem> problems() {
        return problems;
    }

    public long suppressed() {
        return suppressed;
    }
}
