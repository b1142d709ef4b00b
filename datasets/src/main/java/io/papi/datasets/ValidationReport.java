package io.papi.datasets;

import java.util.List;

/**
 * What {@link Validator} found: the problems, one a line, and the recipe table.
 *
 * @param suppressed problems of a row-level rule past the first few of each dataset, counted but not listed
 */
public record ValidationReport(List<Problem> problems, long suppressed, List<RecipeTable.Row> recipes) {
    public ValidationReport {
        problems = List.copyOf(problems);
        recipes = List.copyOf(recipes);
    }

    public long errors() {
        return problems.stream()
                .filter(p -> p.severity() == Problem.Severity.ERROR)
                .count();
    }

    public long warnings() {
        return problems.size() - errors();
    }

    public boolean passed() {
        return errors() == 0;
    }
}
