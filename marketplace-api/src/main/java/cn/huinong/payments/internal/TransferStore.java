package cn.huinong.payments.internal;

import cn.huinong.payments.BankAccount;
import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * SQL of bank transfers (their columns of {@code payment}: instructions, slip, dates, reminders, lapsed windows); joins
 * the caller's transaction.
 */
@Singleton
class TransferStore {

    private final Sql sql;

    TransferStore(Sql sql) {
        this.sql = sql;
    }

    /** A bank transfer's instructions: the reference (附言) and the supplier's account at this moment. */
    void transfer(long id, String reference, BankAccount account) {
        sql.update("""
                UPDATE payment SET transfer_reference = ?, payee_bank_name = ?, payee_account_name = ?,
                                   payee_account_number = ? WHERE id = ?""", reference, account.bankName(), account.accountName(), account.accountNumber(), id);
    }

    /** The payer's slip and the date on it. */
    void slip(long id, long fileId, LocalDate transferDate) {
        sql.update(
                "UPDATE payment SET slip_file_id = ?, transfer_date = ?, updated_at = now() WHERE id = ?",
                fileId,
                transferDate,
                id);
    }

    void transferDateConfirmed(long id, LocalDate date) {
        sql.update("UPDATE payment SET transfer_date_confirmed = ?, updated_at = now() WHERE id = ?", date, id);
    }

    void reminded(long id, Instant at) {
        sql.update("UPDATE payment SET reminded_at = ? WHERE id = ?", at, id);
    }

    /** Transfers still awaited whose window closes by {@code by} and whose buyer was not reminded yet. */
    List<Long> transfersToRemind(Instant now, Instant by, int limit) {
        return sql.list("""
                SELECT id FROM payment WHERE status = 'AWAITING_TRANSFER' AND reminded_at IS NULL
                  AND expires_at > ? AND expires_at <= ? ORDER BY expires_at, id LIMIT ?""", rs -> rs.getLong(1), now, by, limit);
    }

    /** Transfers still awaited after their window closed, ids ascending after {@code afterId}. */
    List<Long> lapsedTransfers(Instant now, long afterId, int limit) {
        return sql.list("""
                SELECT id FROM payment WHERE status = 'AWAITING_TRANSFER' AND expires_at <= ? AND id > ?
                ORDER BY id LIMIT ?""", rs -> rs.getLong(1), now, afterId, limit);
    }

    /** A buyer unit's transfers still awaited (by the orders' ids), soonest window first. */
    List<PaymentRow> awaitingTransfer(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return sql.list("""
                SELECT * FROM payment WHERE status = 'AWAITING_TRANSFER' AND order_id = ANY (?)
                ORDER BY expires_at, id""", PaymentStore::map, (Object) orderIds.toArray(Long[]::new));
    }
}
