package ballast.cli;

import ballast.scenario.Problem;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioException;
import ballast.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ballast validate}: checks scenario files and writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks scenario files (with what they extend and the data they name) and prints every "
                + "problem as FILE:LINE:COLUMN: field: message. Writes nothing. Exit code 2 if any file has a problem."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files.")
    List<Path> files;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int bad = 0;
        for (Path f : files) {
            try {
                Scenario s = ScenarioLoader.load(f);
                var p = s.parameters();
                // A rolling back-test's own span is its first forecast year; say the years it forecasts.
                String span = s.record() != null && s.record().rolling()
                        ? "one-year forecasts from each January " + s.record().rollingFrom() + " to "
                                + s.record().rollingTo()
                        : p.start() + " to " + p.end();
                out.printf("%s: ok (%s: %d states, %d patrons, %d events, %s)%n", f, s.name(),
                        p.countries().size(), p.patrons().size(), p.events().size(), span);
            } catch (ScenarioException e) {
                bad++;
                for (Problem problem : e.problems()) {
                    err.println(problem);
                }
            }
        }
        if (bad > 0) {
            err.printf("ballast: %d of %d files have problems%n", bad, files.size());
            return Errors.BAD_INPUT;
        }
        return 0;
    }
}
