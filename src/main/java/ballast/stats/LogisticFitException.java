package ballast.stats;

/**
 * Thrown when a logistic regression has no finite maximum-likelihood estimate or cannot be computed:
 * the outcomes are separated by a combination of the covariates, or the information matrix is singular.
 */
public final class LogisticFitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the fit failed. */
    public enum Reason {
        /**
         * A linear combination of the columns separates events from non-events (completely or
         * quasi-completely): the likelihood keeps rising as the coefficients grow without bound.
         */
        SEPARATION,
        /** The information matrix is singular: columns are linearly dependent among the weighted rows. */
        SINGULAR_INFORMATION
    }

    private final Reason reason;

    LogisticFitException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Returns why the fit failed. */
    public Reason reason() {
        return reason;
    }
}
