package io.dealwire.catalog.consume;

import io.dealwire.catalog.deal.DealEntity;

/**
 * A deal a batch touches: its row as it will be written (a plain object, never managed by
 * Hibernate), whether the row already existed (UPDATE, else INSERT) and whether a submission of
 * the batch replaced its content (else only its status and position change, and a row known only
 * from its withdrawal keeps having no content).
 */
final class TouchedDeal {

    final DealEntity row;
    final boolean existed;
    boolean contentChanged;

    TouchedDeal(DealEntity row, boolean existed) {
        this.row = row;
        this.existed = existed;
    }
}
