package ballast.cli;

import ballast.experiment.HistoricalRecord;
import ballast.output.FolderException;
import ballast.output.ResultFolder;
import ballast.output.chart.SavedBatch;
import ballast.scenario.Problem;
import ballast.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into short messages on stderr and an exit code, never a stack trace (set
 * {@code BALLAST_DEBUG=1} to see one for an internal error).
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {
    static final int IO = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 70;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        // Every message is one line on the terminal, whatever a path in it holds (a newline, an escape).
        var err = new PrintWriter(cl.getErr(), true) {
            @Override
            public void println(String line) {
                super.println(Problem.printable(line));
            }
        };
        if (e instanceof ScenarioException se) {
            for (Problem p : se.problems()) {
                err.println(p);
            }
            err.println("ballast: " + se.count() + (se.count() == 1 ? " problem" : " problems")
                    + "; nothing was run or written");
            return BAD_INPUT;
        }
        if (e instanceof FileAlreadyExistsException fe) {
            boolean chart = fe.getFile().matches(".*\\.(png|svg|pdf)$");
            if (ResultFolder.EMPTY_CLAIM.equals(fe.getReason())) {
                // What a job killed before its results were moved in leaves (e.g. a merge job at its time limit).
                Path dir = Path.of(fe.getFile());
                err.println("ballast: " + dir + " already exists, empty: a job that was stopped before its results "
                        + "were moved in leaves it so; if no job is writing it, delete it (and any "
                        + dir.resolveSibling("." + dir.getFileName() + ".partial-*") + ") and run the command again");
                return BAD_INPUT;
            }
            err.println("ballast: " + fe.getFile() + " already exists; results are never overwritten "
                    + (chart ? "(pass --replace to redraw charts of this width and format)" : "(choose another --out)"));
            return BAD_INPUT;
        }
        if (e instanceof ballast.cluster.ClusterFolder.Damaged d) {
            err.println("ballast: " + d.getMessage());
            return IO; // damaged, like a journal or plan
        }
        if (e instanceof FolderException fe) {
            err.println("ballast: " + fe.getMessage());
            return fe.reason() == FolderException.Reason.IN_USE ? BAD_INPUT : IO;
        }
        if (e instanceof SavedBatch.TableException te) {
            err.println("ballast: " + te.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof HistoricalRecord.RecordException re) {
            err.println("ballast: " + re.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof UserException ue) {
            err.println("ballast: " + ue.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof java.nio.file.NoSuchFileException nf) {
            err.println("ballast: " + nf.getFile() + ": no such file or folder");
            return IO;
        }
        if (e instanceof java.nio.file.AccessDeniedException ad) {
            err.println("ballast: " + ad.getFile() + ": permission denied");
            return IO;
        }
        if (e instanceof IOException io) {
            err.println("ballast: " + ioMessage(io));
            return IO;
        }
        err.println("ballast: internal error: " + e + " (please report it; BALLAST_DEBUG=1 shows the stack trace)");
        if (System.getenv("BALLAST_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return INTERNAL;
    }

    /**
     * Says what an I/O failure without a file of its own was, in the system's words and without Java's
     * class names (an image writer's "I/O error writing PNG file!" is said by the failure under it).
     */
    static String ioMessage(IOException e) {
        Throwable deepest = e;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                deepest = t;
            }
        }
        if (deepest instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : "cannot be read or written");
        }
        if (deepest instanceof java.nio.charset.CharacterCodingException) {
            return "a file read is not UTF-8 text (save it as UTF-8)";
        }
        String what = deepest.getMessage() == null ? "a file could not be read or written" : deepest.getMessage();
        String lower = what.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("quota")) {
            return "cannot write: " + what + "; free some space and run the command again (no half-written "
                    + "results are kept; a batch, sweep or sensitivity analysis goes on with --resume)";
        }
        return "I/O error: " + what;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("ballast: " + Problem.printable(String.valueOf(e.getMessage())));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cl.getErr());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return BAD_INPUT;
    }

    @Override
    public int getExitCode(Throwable exception) {
        return INTERNAL;
    }
}
