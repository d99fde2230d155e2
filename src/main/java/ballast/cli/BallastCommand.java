package ballast.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ballast} command: its subcommands are the verbs of the tool. */
@Command(name = "ballast",
        mixinStandardHelpOptions = true,
        versionProvider = BallastCommand.Version.class,
        description = "Agent-based simulation of diplomatic recognition switching between Taipei and Beijing.",
        subcommands = {BatchCommand.class, RunCommand.class, ChartCommand.class, CompareCommand.class, SweepCommand.class,
            CalibrateCommand.class,
            SensitivityCommand.class, BacktestCommand.class,
            ValidateCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 I/O failure, 2 bad scenario or arguments, 70 internal error."})
public final class BallastCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private String invocation = "ballast";

    /** Returns the command line as typed, for manifests. */
    String invocation() {
        return invocation;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Runs Ballast with {@code args} and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs Ballast with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        BallastCommand root = new BallastCommand();
        root.invocation = args.length == 0 ? "ballast" : "ballast " + String.join(" ", args);
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        Errors errors = new Errors();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setExitCodeExceptionMapper(errors);
        return cl.execute(args);
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Ballast " + ballast.output.Provenance.version()};
        }
    }
}
