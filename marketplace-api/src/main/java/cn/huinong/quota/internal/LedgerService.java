package cn.huinong.quota.internal;

import cn.huinong.quota.QuotaLedger;
import cn.huinong.quota.QuotaRules;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes ordering's published event stream {@code order_event_outbox} from quota's own position
 * ({@code outbox_consumer}, row {@code quota-ledger}): locks the position (consumers on several instances take turns),
 * reads the next events in (tx_id, id) order among those of transactions older than every running one (so that an
 * event whose transaction commits late is never passed over), books the money events to {@code quota_ledger} (unique
 * event_id: a replayed event books nothing) and to the figures, and moves the position, all in one transaction. A
 * crash before commit leaves the position where it was for the next run: at least once, idempotent per event.
 * Nothing is written to ordering's tables (ADR 15).
 */
@Singleton
class LedgerService implements QuotaLedger {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerService.class);

    static final String CONSUMER = "quota-ledger";

    record Claimed(
            long id,
            String txId,
            UUID eventId,
            String type,
            long orderId,
            long organizationId,
            String channel,
            long eligibleFen,
            Instant paidAt,
            Instant occurredAt,
            String regionCode) {}

    /** Where the consumer stands: the last event it took, in (tx_id, id) order. */
    record Position(String txId, long lastId) {}

    /** A county's month of a year in {@code quota_region_month}. */
    record RegionMonth(int year, String regionCode, int month) implements Comparable<RegionMonth> {
        @Override
        public int compareTo(RegionMonth o) {
            return java.util.Comparator.comparingInt(RegionMonth::year)
                    .thenComparing(RegionMonth::regionCode)
                    .thenComparingInt(RegionMonth::month)
                    .compare(this, o);
        }
    }

    private final Sql sql;
    private final FiguresStore figures;

    LedgerService(Sql sql, FiguresStore figures) {
        this.sql = sql;
        this.figures = figures;
    }

    @Override
    @Transactional
    public int consumeBatch(int batchSize) {
        // the position's row lock makes concurrent consumers take turns; the row is read again after the wait
        Position at = sql.one(
                        "SELECT last_tx_id::text AS tx, last_id FROM outbox_consumer WHERE name = ? FOR UPDATE",
                        rs -> new Position(rs.getString("tx"), rs.getLong("last_id")),
                        CONSUMER)
                .orElseThrow(() -> new IllegalStateException("outbox_consumer " + CONSUMER + " missing"));
        List<Claimed> batch = sql.list(
                """
                SELECT e.id, e.tx_id::text AS tx, e.event_id, e.event_type, e.order_id, e.buyer_organization_id,
                       e.eligible_fen, e.occurred_at, e.payload ->> 'channel' AS channel,
                       e.payload ->> 'paidAt' AS paid_at_text, o.paid_at AS order_paid_at, b.region_code
                FROM order_event_outbox e LEFT JOIN order_payment_facts o ON o.order_id = e.order_id
                     LEFT JOIN organization_directory b ON b.id = e.buyer_organization_id
                WHERE (e.tx_id, e.id) > (?::xid8, ?) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY e.tx_id, e.id
                LIMIT ?
                """,
                rs -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("tx"),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getLong("order_id"),
                        rs.getLong("buyer_organization_id"),
                        rs.getString("channel"),
                        rs.getLong("eligible_fen"),
                        paidAt(rs.getString("paid_at_text"), Sql.instant(rs, "order_paid_at")),
                        Sql.instant(rs, "occurred_at"),
                        rs.getString("region_code")),
                at.txId(),
                at.lastId(),
                batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        // the batch is booked set-based: one INSERT of its money events into the ledger (the event_id constraint
        // drops replays), the figures of each unit-year once, then the region-months; rows are locked in a stable
        // order (unit, then representative, then region-month) so that concurrent consumers do not deadlock
        List<Claimed> money = new ArrayList<>();
        for (Claimed e : batch) {
            if (!movesMoney(e)) {
                continue;
            }
            if (e.paidAt() == null) {
                LOG.warn(
                        "order event {} ({}) of order {} has no payment time; not booked",
                        e.eventId(),
                        e.type(),
                        e.orderId());
                continue;
            }
            money.add(e);
        }
        if (!money.isEmpty()) {
            book(money);
        }
        Claimed last = batch.get(batch.size() - 1);
        sql.update(
                "UPDATE outbox_consumer SET last_tx_id = ?::xid8, last_id = ?, updated_at = now() WHERE name = ?",
                last.txId(),
                last.id(),
                CONSUMER);
        return batch.size();
    }

    @Override
    public int drain(int maxEvents) {
        int total = 0;
        int n;
        do {
            n = consumeBatch(Math.min(500, Math.max(1, maxEvents - total)));
            total += n;
        } while (n > 0 && total < maxEvents);
        return total;
    }

    private static boolean movesMoney(Claimed e) {
        return "ORDER_PAID".equals(e.type()) || "ORDER_REFUNDED".equals(e.type());
    }

    /** ORDER_PAID adds, ORDER_REFUNDED takes back, both in the year of the original payment. */
    private static long fen(Claimed e) {
        return "ORDER_PAID".equals(e.type()) ? e.eligibleFen() : -e.eligibleFen();
    }

    private void book(List<Claimed> money) {
        int n = money.size();
        String[] eventIds = new String[n];
        String[] types = new String[n];
        Long[] orderIds = new Long[n];
        Long[] organizationIds = new Long[n];
        String[] channels = new String[n];
        Long[] years = new Long[n];
        Long[] fens = new Long[n];
        String[] paidAts = new String[n];
        String[] occurredAts = new String[n];
        for (int i = 0; i < n; i++) {
            Claimed e = money.get(i);
            eventIds[i] = e.eventId().toString();
            types[i] = e.type();
            orderIds[i] = e.orderId();
            organizationIds[i] = e.organizationId();
            channels[i] = e.channel() == null ? "CANTEEN" : e.channel();
            years[i] = (long) QuotaRules.yearOf(e.paidAt());
            fens[i] = fen(e);
            paidAts[i] = e.paidAt().toString();
            occurredAts[i] = e.occurredAt().toString();
        }
        java.util.Set<UUID> booked = new java.util.HashSet<>(sql.list(
                """
                INSERT INTO quota_ledger (event_id, event_type, order_id, organization_id, channel, year, eligible_fen,
                                          paid_at, occurred_at)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::bigint[],
                                     ?::timestamptz[], ?::timestamptz[])
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id
                """,
                rs -> rs.getObject(1, UUID.class),
                eventIds,
                types,
                orderIds,
                organizationIds,
                channels,
                years,
                fens,
                paidAts,
                occurredAts));
        java.util.SortedMap<FiguresStore.UnitYear, Long> units = new TreeMap<>();
        Map<RegionMonth, Long> months = new TreeMap<>();
        for (Claimed e : money) {
            if (!booked.contains(e.eventId())) {
                continue; // a replay: booked before
            }
            int year = QuotaRules.yearOf(e.paidAt());
            units.merge(new FiguresStore.UnitYear(e.organizationId(), year), fen(e), Long::sum);
            if (e.regionCode() != null) {
                months.merge(
                        new RegionMonth(
                                year,
                                e.regionCode(),
                                e.paidAt().atZone(QuotaRules.ZONE).getMonthValue()),
                        fen(e),
                        Long::sum);
            }
        }
        figures.bookAll(units);
        if (!months.isEmpty()) {
            sql.update(
                    """
                    INSERT INTO quota_region_month AS m (year, region_code, month, eligible_fen)
                    SELECT * FROM unnest(?::int[], ?::char(6)[], ?::smallint[], ?::bigint[])
                    ON CONFLICT (year, region_code, month) DO UPDATE SET eligible_fen = m.eligible_fen + EXCLUDED.eligible_fen
                    """,
                    months.keySet().stream().map(m -> (long) m.year()).toArray(Long[]::new),
                    months.keySet().stream().map(RegionMonth::regionCode).toArray(String[]::new),
                    months.keySet().stream().map(m -> (long) m.month()).toArray(Long[]::new),
                    months.values().toArray(Long[]::new));
        }
    }

    /** The event's paidAt (ISO-8601); the order's payment time when the payload has none. */
    private static Instant paidAt(String text, Instant orderPaidAt) {
        if (text != null) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException ignored) {
                // fall through
            }
        }
        return orderPaidAt;
    }
}
