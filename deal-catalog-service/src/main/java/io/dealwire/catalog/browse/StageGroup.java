package io.dealwire.catalog.browse;

import io.dealwire.catalog.deal.DealView;
import io.dealwire.contract.Stage;
import java.util.List;

/** The deals of one stage on the week page. */
public record StageGroup(Stage stage, String title, List<DealView> deals) {

    static String titleOf(Stage stage) {
        return switch (stage) {
            case UPSTREAM -> "Upstream (exploration, mining)";
            case MIDSTREAM -> "Midstream (separation, refining, metals)";
            case DOWNSTREAM -> "Downstream (alloys, magnets, components)";
            case RECYCLING -> "Recycling";
            case CROSS_CHAIN -> "Cross-chain and government";
        };
    }
}
