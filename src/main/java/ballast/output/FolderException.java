package ballast.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A job's folder cannot be used as it is: a plan or journal is damaged (its checksum or its
 * structure is wrong, so its counts cannot be trusted), or another Ballast process holds the folder.
 * The message is one complete line: the file, what is wrong, and what to do.
 */
public final class FolderException extends IOException {
    /** Why the folder cannot be used. */
    public enum Reason {
        /** A plan or journal failed its checks (or another version wrote it). */
        DAMAGED,
        /** Another process is running the job. */
        IN_USE
    }

    private final Reason reason;

    private FolderException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** {@code file} is damaged ({@code what}); {@code toDo} says how to go on. */
    static FolderException damaged(Path file, String what, String toDo) {
        return new FolderException(Reason.DAMAGED, file + " is damaged (" + what + "), so it cannot be trusted; "
                + toDo);
    }

    /** {@code file} was written by another version of Ballast; {@code toDo} says how to go on. */
    static FolderException otherVersion(Path file, String toDo) {
        return new FolderException(Reason.DAMAGED, file + " was written by another version of Ballast; " + toDo);
    }

    /** Another process holds {@code dir}. */
    static FolderException inUse(Path dir) {
        return new FolderException(Reason.IN_USE, dir + " is in use by another ballast process (the job or a --resume "
                + "of it is running); wait until it ends, or stop it, then resume");
    }

    public Reason reason() {
        return reason;
    }
}
