package ballast.model;

/**
 * How a patron spends its budget in one tick. A recogniser's strategy sets each state's aid (for
 * its own recognisers) and offer (for the rival's); a partner's adds engagement. Implementations
 * are stateless; scratch space lives in the model.
 */
@FunctionalInterface
public interface Strategy {
    /** Spends {@code patron}'s budget for the current tick of {@code model}. */
    void act(RecognitionModel model, Patron patron);
}
