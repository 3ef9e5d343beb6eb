package io.dealwire.catalog.consume;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.deal.DealRevisionEntity;
import io.dealwire.catalog.deal.DealStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Reads and writes the rows of a batch with plain JDBC on the transaction's own connection: one
 * query for the deals that exist, then one JDBC batch per statement (multi-row INSERTs on the wire
 * with {@code reWriteBatchedInserts}). A replay writes hundreds of rows per transaction, and
 * Hibernate's per-entity work (persist events, action queue, flush) cost the catalog as much CPU
 * as the database's own share on this machine (docs/benchmarks.md); the entities stay the read
 * model of the API.
 */
@ApplicationScoped
public class DealRows {

    private static final String SELECT_STATE = """
            SELECT deal_id, status, revision, last_event_id, last_partition, last_offset FROM catalog.deal
            WHERE deal_id = ANY (?)""";
    private static final String CONTENT_COLUMNS = "reported_on, week, announced_on, headline, summary, deal_type,"
            + " stage, value_amount, value_currency, countries, elements, search_text, deal";
    private static final String INSERT_DEAL = "INSERT INTO catalog.deal (deal_id, partner_id, external_id,"
            + " first_received_at, status, revision, last_event_id, last_partition, last_offset, updated_at, "
            + CONTENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
    private static final String UPDATE_STATE = "UPDATE catalog.deal SET status = ?, revision = ?, last_event_id = ?,"
            + " last_partition = ?, last_offset = ?, updated_at = ? WHERE deal_id = ?";
    private static final String UPDATE_ALL = "UPDATE catalog.deal SET status = ?, revision = ?, last_event_id = ?,"
            + " last_partition = ?, last_offset = ?, updated_at = ?, (" + CONTENT_COLUMNS + ") = ROW"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) WHERE deal_id = ?";
    private static final String INSERT_REVISION = """
            INSERT INTO catalog.deal_revision (id, deal_id, revision, event_id, type, occurred_at, received_at,
              source_partition, source_offset, deal)
            VALUES (nextval('catalog.deal_revision_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private final EntityManager em;

    public DealRows(EntityManager em) {
        this.em = em;
    }

    /** The deals of these ids that exist, by id, with the state deciding duplicates (no content). */
    Map<UUID, TouchedDeal> load(Collection<UUID> ids) {
        return session().doReturningWork(connection -> {
            Map<UUID, TouchedDeal> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_STATE)) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        DealEntity deal = new DealEntity();
                        deal.dealId = rows.getObject(1, UUID.class);
                        deal.status = DealStatus.valueOf(rows.getString(2));
                        deal.revision = rows.getInt(3);
                        deal.lastEventId = rows.getObject(4, UUID.class);
                        deal.lastPartition = rows.getInt(5);
                        deal.lastOffset = rows.getLong(6);
                        found.put(deal.dealId, new TouchedDeal(deal, true));
                    }
                }
            }
            return found;
        });
    }

    /** Writes the deals' final state and the revisions, in the current transaction. */
    void write(Collection<TouchedDeal> deals, List<DealRevisionEntity> revisions) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_DEAL);
                    PreparedStatement updateState = connection.prepareStatement(UPDATE_STATE);
                    PreparedStatement updateAll = connection.prepareStatement(UPDATE_ALL)) {
                for (TouchedDeal touched : deals) {
                    DealEntity deal = touched.row;
                    if (!touched.existed) {
                        insert.setObject(1, deal.dealId);
                        insert.setString(2, deal.partnerId);
                        insert.setString(3, deal.externalId);
                        insert.setObject(4, timestamp(deal.firstReceivedAt));
                        bindContent(insert, bindState(insert, 5, deal), deal);
                        insert.addBatch();
                    } else if (touched.contentChanged) {
                        int next = bindContent(updateAll, bindState(updateAll, 1, deal), deal);
                        updateAll.setObject(next, deal.dealId);
                        updateAll.addBatch();
                    } else {
                        updateState.setObject(bindState(updateState, 1, deal), deal.dealId);
                        updateState.addBatch();
                    }
                }
                insert.executeBatch();
                updateAll.executeBatch();
                updateState.executeBatch();
            }
            insertRevisions(connection, revisions);
        });
    }

    private static void insertRevisions(Connection connection, List<DealRevisionEntity> revisions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_REVISION)) {
            for (DealRevisionEntity revision : revisions) {
                insert.setObject(1, revision.dealId);
                insert.setInt(2, revision.revision);
                insert.setObject(3, revision.eventId);
                insert.setString(4, revision.type);
                insert.setObject(5, timestamp(revision.occurredAt));
                insert.setObject(6, timestamp(revision.receivedAt));
                insert.setInt(7, revision.sourcePartition);
                insert.setLong(8, revision.sourceOffset);
                insert.setString(9, revision.deal);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Binds status, revision, last event and position, updated time from {@code i}; the next index. */
    private static int bindState(PreparedStatement statement, int i, DealEntity deal) throws SQLException {
        statement.setString(i++, deal.status.name());
        statement.setInt(i++, deal.revision);
        statement.setObject(i++, deal.lastEventId);
        statement.setInt(i++, deal.lastPartition);
        statement.setLong(i++, deal.lastOffset);
        statement.setObject(i++, timestamp(deal.updatedAt));
        return i;
    }

    /** Binds {@link #CONTENT_COLUMNS} from {@code i} (all null but the arrays for a deal without content). */
    private static int bindContent(PreparedStatement statement, int i, DealEntity deal) throws SQLException {
        Connection connection = statement.getConnection();
        statement.setObject(i++, deal.reportedOn, Types.DATE);
        statement.setString(i++, deal.week);
        statement.setObject(i++, deal.announcedOn, Types.DATE);
        statement.setString(i++, deal.headline);
        statement.setString(i++, deal.summary);
        statement.setString(i++, deal.dealType);
        statement.setString(i++, deal.stage);
        statement.setBigDecimal(i++, deal.valueAmount);
        statement.setString(i++, deal.valueCurrency);
        statement.setArray(i++, connection.createArrayOf("text", deal.countries));
        statement.setArray(i++, connection.createArrayOf("text", deal.elements));
        statement.setString(i++, deal.searchText);
        statement.setString(i++, deal.deal);
        return i;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
