package io.dealwire.contract;

/** Where in the rare-earth supply chain the deal sits. JSON uses the constant names. */
public enum Stage {
    /** Exploration, mining. */
    UPSTREAM,
    /** Separation, refining, metals. */
    MIDSTREAM,
    /** Alloys, magnets, components. */
    DOWNSTREAM,
    RECYCLING,
    /** Several stages at once, or state-level agreements. */
    CROSS_CHAIN
}
