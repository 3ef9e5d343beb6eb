package io.dealwire.bench.catalog;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.Party;
import io.dealwire.contract.RareEarthElement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The JDBC baselines' writing: a batch of events parsed and written with plain batched upserts (deal
 * row and revision row, as the catalog writes them) and committed as one transaction.
 */
final class BaselineRows {

    private static final String UPSERT_DEAL = """
            INSERT INTO catalog.deal (deal_id, partner_id, external_id, status, revision, last_event_id,
              last_partition, last_offset, reported_on, week, announced_on, headline, summary, deal_type, stage,
              value_amount, value_currency, countries, elements, search_text, deal, first_received_at, updated_at)
            VALUES (?, ?, ?, 'ACTIVE', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (deal_id) DO UPDATE SET revision = catalog.deal.revision + 1,
              last_event_id = excluded.last_event_id, last_partition = excluded.last_partition,
              last_offset = excluded.last_offset, reported_on = excluded.reported_on, week = excluded.week,
              announced_on = excluded.announced_on, headline = excluded.headline, summary = excluded.summary,
              deal_type = excluded.deal_type, stage = excluded.stage, value_amount = excluded.value_amount,
              value_currency = excluded.value_currency, countries = excluded.countries,
              elements = excluded.elements, search_text = excluded.search_text, deal = excluded.deal,
              updated_at = excluded.updated_at""";
    private static final String INSERT_REVISION = """
            INSERT INTO catalog.deal_revision (id, deal_id, revision, event_id, type, occurred_at, received_at,
              source_partition, source_offset, deal)
            VALUES (nextval('catalog.deal_revision_seq'), ?, 1, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private BaselineRows() {
    }

    /** Parses and writes {@code records} on {@code connection} (auto-commit off) and commits. */
    static void write(Connection connection, Iterable<ConsumerRecord<String, byte[]>> records) throws SQLException {
        Instant received = Instant.now();
        try (PreparedStatement deals = connection.prepareStatement(UPSERT_DEAL);
                PreparedStatement revisions = connection.prepareStatement(INSERT_REVISION)) {
            for (ConsumerRecord<String, byte[]> record : records) {
                DealEvent event = DealJson.readEvent(record.value());
                String dealJson = DealJson.write(event.deal());
                bindDeal(deals, event, dealJson, record, received);
                deals.addBatch();
                bindRevision(revisions, event, dealJson, record, received);
                revisions.addBatch();
            }
            deals.executeBatch();
            revisions.executeBatch();
            connection.commit();
        }
    }

    private static void bindDeal(PreparedStatement statement, DealEvent event, String dealJson,
            ConsumerRecord<String, byte[]> record, Instant received) throws SQLException {
        Deal deal = event.deal();
        int i = 1;
        statement.setObject(i++, event.dealId());
        statement.setString(i++, event.partnerId());
        statement.setString(i++, event.externalId());
        statement.setObject(i++, event.eventId());
        statement.setInt(i++, record.partition());
        statement.setLong(i++, record.offset());
        statement.setObject(i++, deal.reportedOn());
        statement.setString(i++, IsoWeek.of(deal.reportedOn()).toString());
        statement.setObject(i++, deal.announcedOn());
        statement.setString(i++, deal.headline());
        statement.setString(i++, deal.summary());
        statement.setString(i++, deal.dealType().name());
        statement.setString(i++, deal.stage().name());
        if (deal.value() == null) {
            statement.setNull(i++, Types.NUMERIC);
            statement.setNull(i++, Types.VARCHAR);
        } else {
            statement.setBigDecimal(i++, deal.value().amount());
            statement.setString(i++, deal.value().currency());
        }
        statement.setArray(i++, statement.getConnection().createArrayOf("text", deal.countries().toArray()));
        List<String> elements = deal.elements() == null ? List.of()
                : deal.elements().stream().map(RareEarthElement::symbol).toList();
        statement.setArray(i++, statement.getConnection().createArrayOf("text", elements.toArray()));
        statement.setString(i++, Stream.concat(deal.parties().stream().map(Party::name),
                deal.products() == null ? Stream.empty() : deal.products().stream()).collect(Collectors.joining("\n")));
        statement.setString(i++, dealJson);
        statement.setTimestamp(i++, Timestamp.from(received));
        statement.setTimestamp(i, Timestamp.from(received));
    }

    private static void bindRevision(PreparedStatement statement, DealEvent event, String dealJson,
            ConsumerRecord<String, byte[]> record, Instant received) throws SQLException {
        int i = 1;
        statement.setObject(i++, event.dealId());
        statement.setObject(i++, event.eventId());
        statement.setString(i++, event.type().json());
        statement.setTimestamp(i++, Timestamp.from(event.occurredAt()));
        statement.setTimestamp(i++, Timestamp.from(received));
        statement.setInt(i++, record.partition());
        statement.setLong(i++, record.offset());
        statement.setString(i, dealJson);
    }
}
