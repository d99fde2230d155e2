package ballast.model;

import java.util.Locale;

/** What a patron's money bought a state in a tick. */
public enum MoneyKind {
    /** A recogniser's offer to a state recognising its rival. */
    OFFER,
    /** A recogniser's aid to a state recognising it. */
    AID,
    /** A partner's spending on engagement with a state of its side (and the points it bought). */
    ENGAGEMENT;

    /** Returns the code written in tables ({@code offer}, {@code aid}, {@code engagement}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
