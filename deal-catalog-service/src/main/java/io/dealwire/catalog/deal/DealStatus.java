package io.dealwire.catalog.deal;

/** Whether a deal shows in default queries: a withdrawn deal is kept (with its history) but hidden. */
public enum DealStatus {
    ACTIVE, WITHDRAWN
}
