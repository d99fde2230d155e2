package ballast.scenario;

import java.nio.file.Path;

/**
 * One thing wrong with a scenario, where it is and what is wrong.
 *
 * @param file the file at fault (a scenario or a data table)
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param field dotted path of the field, e.g. {@code patrons.prc.budgetUsdMillionsPerYear}
 * @param message what is wrong, e.g. {@code must be at least 0, got -5}
 */
public record Problem(Path file, int line, int column, String field, String message) {

    /** Returns {@code FILE:LINE:COLUMN: field: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
