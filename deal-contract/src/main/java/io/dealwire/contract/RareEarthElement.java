package io.dealwire.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** The 17 rare-earth elements. JSON uses the chemical symbol only ({@code "Nd"}), never the constant name. */
public enum RareEarthElement {
    SCANDIUM("Sc", "Scandium"),
    YTTRIUM("Y", "Yttrium"),
    LANTHANUM("La", "Lanthanum"),
    CERIUM("Ce", "Cerium"),
    PRASEODYMIUM("Pr", "Praseodymium"),
    NEODYMIUM("Nd", "Neodymium"),
    PROMETHIUM("Pm", "Promethium"),
    SAMARIUM("Sm", "Samarium"),
    EUROPIUM("Eu", "Europium"),
    GADOLINIUM("Gd", "Gadolinium"),
    TERBIUM("Tb", "Terbium"),
    DYSPROSIUM("Dy", "Dysprosium"),
    HOLMIUM("Ho", "Holmium"),
    ERBIUM("Er", "Erbium"),
    THULIUM("Tm", "Thulium"),
    YTTERBIUM("Yb", "Ytterbium"),
    LUTETIUM("Lu", "Lutetium");

    private final String symbol;
    private final String displayName;

    RareEarthElement(String symbol, String displayName) {
        this.symbol = symbol;
        this.displayName = displayName;
    }

    /** The JSON value, e.g. {@code Nd}. */
    @JsonValue
    public String symbol() {
        return symbol;
    }

    /** The English name for emails and pages, e.g. {@code Neodymium}. */
    public String displayName() {
        return displayName;
    }

    /** The element with this exact (case-sensitive) symbol. */
    public static RareEarthElement fromSymbol(String symbol) {
        for (RareEarthElement e : values()) {
            if (e.symbol.equals(symbol)) {
                return e;
            }
        }
        throw new IllegalArgumentException("not a rare-earth element symbol: " + symbol);
    }
}
