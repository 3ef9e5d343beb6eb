package io.dealwire.digest.subscription;

import io.dealwire.contract.Stage;
import java.util.List;

/** What a person typed into the subscribe form, shown again when the form is rejected. */
public record SubscribeForm(String email, String name, List<Stage> stages, String countries) {

    static final SubscribeForm EMPTY = new SubscribeForm("", "", List.of(), "");

    public SubscribeForm {
        email = email == null ? "" : email;
        name = name == null ? "" : name;
        stages = stages == null ? List.of() : List.copyOf(stages);
        countries = countries == null ? "" : countries;
    }

    public boolean chose(Stage stage) {
        return stages.contains(stage);
    }

    /** How a stage reads on the page (the spec's own explanation of each). */
    public String label(Stage stage) {
        return switch (stage) {
            case UPSTREAM -> "Upstream (exploration, mining)";
            case MIDSTREAM -> "Midstream (separation, refining, metals)";
            case DOWNSTREAM -> "Downstream (alloys, magnets, components)";
            case RECYCLING -> "Recycling";
            case CROSS_CHAIN -> "Cross-chain and government deals";
        };
    }
}
