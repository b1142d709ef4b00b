package io.papi.recommender.load;

/** Why one row cannot be used; becomes a {@link io.papi.recommender.BadRow}. Carries no stack trace: it is data. */
public final class RowProblem extends Exception {

    private static final long serialVersionUID = 1L;

    public RowProblem(String problem) {
        super(problem, null, false, false);
    }
}
