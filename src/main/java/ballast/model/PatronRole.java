package ballast.model;

/** What an external actor does in the model. */
public enum PatronRole {
    /** PRC or ROC: is recognised, makes offers to the rival's recognisers and gives aid to its own. */
    RECOGNISER,
    /** Japan and other like-minded partners: engagement that adds ballast without recognising Taipei. */
    PARTNER,
    /** The USA: a backing level for Taipei's allies. */
    BACKER;

    /** Returns the code used in scenario files. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
