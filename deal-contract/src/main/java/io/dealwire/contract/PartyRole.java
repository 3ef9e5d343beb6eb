package io.dealwire.contract;

/** The part a party plays in a deal. JSON uses the constant names. */
public enum PartyRole {
    BUYER, SELLER, SUPPLIER, CUSTOMER, INVESTOR, LENDER, GRANTOR, GOVERNMENT, DEVELOPER, OPERATOR, PARTNER,
    ACQUIRER, TARGET
}
