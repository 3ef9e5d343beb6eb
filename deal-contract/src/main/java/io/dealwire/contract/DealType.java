package io.dealwire.contract;

/** What kind of deal was announced. JSON uses the constant names. */
public enum DealType {
    FINANCING, GRANT, INVESTMENT, ACQUISITION, OFFTAKE, PARTNERSHIP, MOU, AGREEMENT, FACILITY, PRODUCTION, POLICY
}
