package ballast.cli;

/** A mistake in what the user asked for, reported as one line and exit code 2. */
final class UserException extends Exception {
    private static final long serialVersionUID = 1L;

    UserException(String message) {
        super(message);
    }
}
