package io.dealwire.digest.issue;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealType;
import io.dealwire.contract.PartyRole;
import io.dealwire.contract.Stage;

/** The digest's sections, in the seed article's order. */
public enum Theme {
    CROSS_BORDER("Cross-border & government"),
    UPSTREAM("Upstream"),
    MIDSTREAM("Midstream"),
    DOWNSTREAM("Downstream"),
    RECYCLING("Recycling");

    private final String title;

    Theme(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Cross-border & government: a CROSS_CHAIN stage, a POLICY deal, or any GOVERNMENT party; else the stage. */
    public static Theme of(Deal deal) {
        boolean government = deal.parties().stream().anyMatch(p -> p.role() == PartyRole.GOVERNMENT);
        if (deal.stage() == Stage.CROSS_CHAIN || deal.dealType() == DealType.POLICY || government) {
            return CROSS_BORDER;
        }
        return switch (deal.stage()) {
            case UPSTREAM -> UPSTREAM;
            case MIDSTREAM -> MIDSTREAM;
            case DOWNSTREAM -> DOWNSTREAM;
            case RECYCLING -> RECYCLING;
            case CROSS_CHAIN -> CROSS_BORDER;
        };
    }
}
