package io.dealwire.bench.faults;

import io.dealwire.bench.load.DealBodies;
import io.dealwire.bench.stack.Postgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The digest's own copy of the deals ({@code digest.deal}) holds every deal that got a 202, once the
 * digest has caught up by itself; the partition it read each from is compared with the one the
 * harness computes, which the low-ISR check relies on.
 */
final class DigestDeals {

    private DigestDeals() {
    }

    static CatalogInvariant.Verdict check(Postgres postgres, String database, DealBodies bodies,
            FaultLoad.Outcomes outcomes, int partitions) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + CatalogInvariant.SETTLE.toNanos();
        Map<String, Integer> rows = rows(postgres, database, bodies);
        while (!outcomes.accepted().stream().allMatch(i -> rows.containsKey(bodies.dealId(i).toString()))
                && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            rows.clear();
            rows.putAll(rows(postgres, database, bodies));
        }
        long missing = outcomes.accepted().stream().filter(i -> !rows.containsKey(bodies.dealId(i).toString()))
                .count();
        long elsewhere = 0;
        for (long i = 0; i < outcomes.posted(); i++) {
            Integer read = rows.get(bodies.dealId(i).toString());
            if (read != null && partitions > 0 && read != LowIsrTally.partition(bodies, i, partitions)) {
                elsewhere++;
            }
        }
        String detail = String.format("%d of %d accepted missing after %.0f s; %d rows, %d read from another"
                + " partition than computed", missing, outcomes.accepted().size(),
                (System.nanoTime() - start) / 1e9, rows.size(), elsewhere);
        return new CatalogInvariant.Verdict(missing == 0 && elsewhere == 0, detail);
    }

    /** deal_id to the partition its last event was read from. */
    private static Map<String, Integer> rows(Postgres postgres, String database, DealBodies bodies)
            throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection connection = postgres.connect(database);
                PreparedStatement query = connection.prepareStatement("SELECT deal_id::text, last_partition"
                        + " FROM digest.deal WHERE external_id LIKE ?")) {
            query.setString(1, bodies.externalId(0).replaceAll("-0$", "-%"));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getInt(2));
                }
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {
                throw e;
            }
        }
        return rows;
    }
}
