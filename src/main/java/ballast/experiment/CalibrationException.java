package ballast.experiment;

/**
 * Thrown when a calibration would not mean anything: its training window holds too few recorded moves
 * for what it fits, or the fit leaves a parameter undetermined (the penalised log-likelihood flat, or
 * not at a maximum, along it) or does not converge. The message says which, in one sentence.
 */
public final class CalibrationException extends Exception {
    private static final long serialVersionUID = 1L;

    CalibrationException(String message) {
        super(message);
    }
}
