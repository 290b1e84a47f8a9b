package cn.huinong.payments.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.files.FilePurpose;
import cn.huinong.files.Files;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.ordering.PayableOrder;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentMoveNotAllowed;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.payments.TransferAmountMismatch;
import cn.huinong.payments.WrongPaymentMethod;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The database steps only bank transfers have, one transaction each: the buyer's slip, the supplier's receipt
 * (which settles through {@link PaymentSteps#settle}) and the reminder before the window closes.
 */
@Singleton
class TransferSteps {

    private final PaymentStore store;
    private final TransferStore transfers;
    private final OrderPayments orders;
    private final AuditLog audit;
    private final Files files;
    private final PaymentSettings settings;
    private final InstantSource clock;
    private final PaymentSteps payments;

    TransferSteps(
            PaymentStore store,
            TransferStore transfers,
            OrderPayments orders,
            AuditLog audit,
            Files files,
            PaymentSettings settings,
            InstantSource clock,
            PaymentSteps payments) {
        this.store = store;
        this.transfers = transfers;
        this.orders = orders;
        this.audit = audit;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
        this.payments = payments;
    }

    /** The buyer's transfer slip (回单, a file it uploaded) and the transfer date on it. */
    @Transactional
    public void slip(long id, long fileId, LocalDate transferDate, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (row.method() != PaymentMethod.BANK_TRANSFER || row.status() != PaymentStatus.AWAITING_TRANSFER) {
            throw new PaymentMoveNotAllowed("支付当前状态为" + row.status().label() + "，不能上传转账回单");
        }
        PayableOrder order = orders.find(row.orderId()).orElseThrow();
        checkTransferDate(transferDate, order, "transferDate");
        files.attach(fileId, FilePurpose.TRANSFER_SLIP, "payment", id, actor);
        transfers.slip(id, fileId, transferDate);
        audit.record(
                actor,
                "PAYMENT_SLIP_UPLOADED",
                "payment",
                String.valueOf(id),
                Map.of("orderId", row.orderId(), "fileId", fileId, "transferDate", transferDate.toString()));
    }

    /** A transfer date is a day between the order's and today (Beijing). */
    void checkTransferDate(LocalDate date, PayableOrder order, String field) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), PaymentSteps.BEIJING);
        LocalDate ordered = LocalDate.ofInstant(order.createdAt(), PaymentSteps.BEIJING);
        if (date.isAfter(today)) {
            throw new InvalidInputException("转账日期有误", List.of(new Violation(field, "转账日期不能晚于今天")));
        }
        if (date.isBefore(ordered)) {
            throw new InvalidInputException("转账日期有误", List.of(new Violation(field, "转账日期不能早于下单日期" + ordered)));
        }
    }

    /**
     * When a transfer made on {@code date} counts as paid: now when it is today, else the start of that day in Beijing
     * (never before the order was placed). The reserved share counts it in that year (ADR 8).
     */
    Instant paidAtOf(LocalDate date, PayableOrder order) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (date.equals(LocalDate.ofInstant(now, PaymentSteps.BEIJING))) {
            return now;
        }
        Instant start = date.atStartOfDay(PaymentSteps.BEIJING).toInstant();
        return start.isBefore(order.createdAt()) ? order.createdAt() : start;
    }

    /**
     * The supplier confirms that a transfer arrived, on {@code transferDate} (the slip's date when null), and the
     * amount when it says one (422 when it is not the payment's: nothing settles). Settles as {@link PaymentSteps#settle}.
     */
    @Transactional
    public PaymentSteps.Settlement receipt(long id, LocalDate transferDate, Long amountFen, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (row.method() != PaymentMethod.BANK_TRANSFER) {
            throw new WrongPaymentMethod("只有银行转账的支付需要确认到账");
        }
        if (PaymentSteps.SETTLED.contains(row.status())) {
            return PaymentSteps.Settlement.ALREADY;
        }
        if (amountFen != null && amountFen != row.amountFen()) {
            throw new TransferAmountMismatch(amountFen, row.amountFen());
        }
        PayableOrder order = orders.find(row.orderId()).orElseThrow();
        LocalDate date = transferDate != null
                ? transferDate
                : row.transferDate() != null
                        ? row.transferDate()
                        : LocalDate.ofInstant(clock.instant(), PaymentSteps.BEIJING);
        checkTransferDate(date, order, "transferDate");
        transfers.transferDateConfirmed(id, date);
        return payments.settle(id, row.transferReference(), paidAtOf(date, order), actor);
    }

    /** The buyer is reminded that a transfer's window is about to close (once per payment). */
    @Transactional
    public boolean remind(long id, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (row.status() != PaymentStatus.AWAITING_TRANSFER || row.remindedAt() != null) {
            return false;
        }
        transfers.reminded(id, clock.instant());
        audit.record(
                actor,
                "PAYMENT_TRANSFER_REMINDED",
                "payment",
                String.valueOf(id),
                Map.of("orderId", row.orderId(), "expiresAt", row.expiresAt().toString()));
        return true;
    }

    @Transactional
    public List<Long> transfersToRemind(Instant now, int limit) {
        return transfers.transfersToRemind(now, now.plus(settings.transferReminderBefore()), limit);
    }

    @Transactional
    public List<Long> lapsedTransfers(Instant now, long afterId, int limit) {
        return transfers.lapsedTransfers(now, afterId, limit);
    }

    @Transactional
    public List<PaymentRow> awaitingTransfer(List<Long> orderIds) {
        return transfers.awaitingTransfer(orderIds);
    }
}
