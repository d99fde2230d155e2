package ballast.cli;

import org.apache.commons.text.similarity.LevenshteinDistance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ballast} command: its subcommands are the verbs of the tool. */
@Command(name = "ballast",
        mixinStandardHelpOptions = true,
        versionProvider = BallastCommand.Version.class,
        description = "Agent-based simulation of diplomatic recognition switching between Taipei and Beijing.",
        subcommands = {BatchCommand.class, RunCommand.class, ChartCommand.class, CompareCommand.class, SweepCommand.class,
            CalibrateCommand.class,
            SensitivityCommand.class, BacktestCommand.class, MergeCommand.class, StatusCommand.class, SlurmCommand.class,
            ValidateCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 I/O failure or a damaged journal, 2 bad scenario or arguments, "
                + "70 internal error, 130 interrupted by Ctrl-C (a batch, sweep or sensitivity analysis can be resumed)."})
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
        return execute(args, out, err, CommandLine.defaultFactory());
    }

    /** Runs Ballast as {@link #execute(String[], PrintWriter, PrintWriter)} does, making commands with {@code factory}. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        BallastCommand root = new BallastCommand();
        root.invocation = args.length == 0 ? "ballast" : "ballast " + String.join(" ", args);
        CommandLine cl = new CommandLine(root, factory);
        cl.setOut(out);
        cl.setErr(err);
        Errors errors = new Errors();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setExitCodeExceptionMapper(errors);
        // Every command's --version (each lists it) says the tool's version, not nothing.
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version());
        }
        // An empty path ("--out ''", a scenario "") would mean the working directory: refuse it by name.
        cl.registerConverter(Path.class, text -> {
            if (text.isEmpty()) {
                throw new CommandLine.TypeConversionException("an empty path names no file or folder");
            }
            return Path.of(text);
        });
        String unknown = unknownCommand(cl, args);
        if (unknown != null) {
            err.println("ballast: " + unknown);
            return Errors.BAD_INPUT;
        }
        return cl.execute(args);
    }

    /**
     * Returns the message for an unknown command, or null. Checked before picocli parses, because
     * picocli answers {@code ballast frobnicate --help} with the top-level help and exit code 0.
     */
    static String unknownCommand(CommandLine cl, String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                continue;
            }
            if (arg.startsWith("-") || cl.getSubcommands().containsKey(arg)) {
                return null; // an option picocli will judge, or a command
            }
            List<String> names = new ArrayList<>(cl.getSubcommands().keySet());
            return "unknown command '" + arg + "'" + suggestion(arg, names) + "; the commands are "
                    + String.join(", ", names) + " ('ballast --help' says what each does)";
        }
        return null;
    }

    /** Returns " (did you mean 'x'?)" for the command closest to {@code given}, or "" if none is close. */
    private static String suggestion(String given, List<String> names) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = names.stream().min(java.util.Comparator.comparingInt(n -> distance.apply(given, n))).orElse(null);
        return best != null && distance.apply(given, best) <= Math.max(2, given.length() / 3)
                ? " (did you mean '" + best + "'?)" : "";
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Ballast " + ballast.output.Provenance.version()};
        }
    }
}
