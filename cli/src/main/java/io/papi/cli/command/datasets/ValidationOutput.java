package io.papi.cli.command.datasets;

import io.papi.datasets.Problem;
import io.papi.datasets.RecipeTable;
import io.papi.datasets.ValidationReport;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a validation report: problems one a line on stderr, like a compiler, and the recipe table on stdout. */
final class ValidationOutput {
    private ValidationOutput() {}

    /** Prints the report and returns the exit code: 1 when there were errors. */
    static int print(ValidationReport report, PrintWriter out, PrintWriter err) {
        for (Problem problem : report.problems()) {
            err.println(problem);
        }
        if (report.suppressed() > 0) {
            err.printf(Locale.ROOT, "(%,d more problems of the same rules not listed)%n", report.suppressed());
        }
        err.flush();
        if (!report.recipes().isEmpty()) {
            out.println();
            RecipeTable.format(report.recipes()).forEach(out::println);
        }
        out.printf(
                Locale.ROOT,
                "%nvalidation: %d %s, %d %s%n",
                report.errors(),
                report.errors() == 1 ? "error" : "errors",
                report.warnings(),
                report.warnings() == 1 ? "warning" : "warnings");
        return report.passed() ? 0 : 1;
    }
}
