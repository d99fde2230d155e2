package ballast.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        return runWith(command -> { }, args);
    }

    /**
     * Runs the command line with {@code configure} applied to every command and mixin picocli makes,
     * e.g. to make finishing fail at a chosen step, or to put default results folders in a temporary one.
     */
    static Cli runWith(Consumer<Object> configure, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                configure.accept(made);
                return made;
            }
        };
        int code = BallastCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), factory);
        return new Cli(code, out.toString(), err.toString());
    }
}
