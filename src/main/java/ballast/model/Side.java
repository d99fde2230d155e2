package ballast.model;

/** The two governments a state can recognise. */
public enum Side {
    /** The Republic of China (Taipei). */
    ROC,
    /** The People's Republic of China (Beijing). */
    PRC;

    /** Returns the other side. */
    public Side other() {
        return this == ROC ? PRC : ROC;
    }

    /** Returns the lower-case code used in scenario files and tables ({@code roc}, {@code prc}). */
    public String code() {
        return this == ROC ? "roc" : "prc";
    }
}
