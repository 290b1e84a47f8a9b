package cn.huinong.payments.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.files.FilePurpose;
import cn.huinong.files.Files;
import cn.huinong.ordering.OrderNotPayable;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.PayableOrder;
import cn.huinong.ordering.OrderPayments;
import cn.huinong.payments.BankAccount;
import cn.huinong.payments.BankAccounts;
import cn.huinong.payments.PaymentMethod;
import cn.huinong.payments.PaymentStatus;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The database side of payments, one transaction per step, each with its audit entry. A success locks the payment
 * row, then (in {@code OrderPayments.markPaid}) the order row, always in that order, so a confirmation and a webhook that
 * race converge: the second finds the payment SUCCEEDED and does nothing.
 */
@Singleton
class PaymentTx {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentTx.class);
    private static final Set<PaymentStatus> SETTLED = EnumSet.of(PaymentStatus.SUCCEEDED, PaymentStatus.ORPHANED);
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** What the idempotency store keeps of a creation: the payment it made. */
    @Serdeable
    record Created(long paymentId) {
    }

    @Serdeable
    record CreateRequest(long orderId, PaymentMethod method) {
    }

    private final PaymentStore store;
    private final OrderPayments orders;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final BankAccounts bankAccounts;
    private final Files files;
    private final PaymentSettings settings;
    private final InstantSource clock;

    PaymentTx(PaymentStore store, OrderPayments orders, Idempotency idempotency, AuditLog audit, BankAccounts bankAccounts,
              Files files, PaymentSettings settings, InstantSource clock) {
        this.bankAccounts = bankAccounts;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
        this.store = store;
        this.orders = orders;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @Transactional
    public Optional<PaymentRow> find(long id) {
        return store.find(id);
    }

    @Transactional
    public Idempotency.Outcome<Created> create(long orderId, PaymentMethod method, String key, Actor actor) {
        return idempotency.once("user:" + actor.username(), key, "POST /api/v1/orders/{id}/payments",
                new CreateRequest(orderId, method), Created.class, 201, () -> insert(orderId, method, actor));
    }

    /**
     * The order already has a live card attempt: the service cancels it at the gateway (outside any transaction) and
     * tries again. Thrown inside the creation's transaction, so the Idempotency-Key is rolled back with it.
     */
    static final class LiveCardAttempt extends RuntimeException {
        final long paymentId;

        LiveCardAttempt(long paymentId) {
            super("payment " + paymentId + " is live", null, false, false);
            this.paymentId = paymentId;
        }
    }

    private Created insert(long orderId, PaymentMethod method, Actor actor) {
        PayableOrder order = orders.find(orderId).orElseThrow(() -> new NotFoundException("订单不存在：" + orderId));
        if (order.status() != OrderStatus.PENDING_PAYMENT || store.paid(orderId)) {
            throw new OrderNotPayable(order.status());
        }
        Optional<PaymentRow> live = store.live(orderId);
        if (live.isPresent()) {
            PaymentRow l = live.get();
            if (l.method() == PaymentMethod.BANK_TRANSFER) {
                throw new ConflictException("该订单已有待确认的对公转账（附言 " + l.transferReference()
                        + "），如需改用其他方式，请先撤销该转账");
            }
            throw new LiveCardAttempt(l.id());
        }
        BankAccount account = null;
        if (method == PaymentMethod.BANK_TRANSFER) {
            account = bankAccounts.find(order.supplierId()).orElseThrow(() -> new RuleViolationException(
                    "供应商“" + order.supplierName() + "”尚未登记对公收款账户，暂不能银行转账，请选择银行卡支付或联系供应商"));
        }
        PaymentStatus status = method == PaymentMethod.CARD ? PaymentStatus.PENDING : PaymentStatus.AWAITING_TRANSFER;
        Instant expiresAt = clock.instant().plus(method == PaymentMethod.CARD ? settings.cardWindow()
                : settings.transferWindow()).truncatedTo(ChronoUnit.SECONDS);
        long id = store.insert(orderId, method, status, order.totalFen(), expiresAt, actor.username())
                .orElseThrow(() -> new ConflictException("该订单已有进行中的支付，请刷新后重试"));
        // the order keeps its stock reserved for as long as this attempt is awaited
        orders.holdForPayment(orderId, expiresAt);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", orderId);
        detail.put("method", method.name());
        detail.put("amountFen", order.totalFen());
        detail.put("status", status.name());
        detail.put("expiresAt", expiresAt.toString());
        if (method == PaymentMethod.BANK_TRANSFER) {
            String reference = "HN" + orderId + "P" + id;
            store.transfer(id, reference, account);
            detail.put("transferReference", reference);
            detail.put("payeeAccount", account.bankName() + " " + BankAccountService.masked(account.accountNumber()));
        }
        audit.record(actor, "PAYMENT_CREATED", "payment", String.valueOf(id), detail);
        return new Created(id);
    }

    /** A live attempt that can no longer take money (its intent cancelled, a transfer withdrawn or lapsed). */
    @Transactional
    public boolean cancelled(long id, String reason, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (!row.status().live()) {
            return false;
        }
        store.status(id, PaymentStatus.CANCELLED, reason, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("method", row.method().name());
        detail.put("from", row.status().name());
        detail.put("to", PaymentStatus.CANCELLED.name());
        detail.put("reason", reason);
        audit.record(actor, "PAYMENT_CANCELLED", "payment", String.valueOf(id), detail);
        return true;
    }

    /** The buyer's transfer slip (回单, a file it uploaded) and the transfer date on it. */
    @Transactional
    public void slip(long id, long fileId, LocalDate transferDate, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (row.method() != PaymentMethod.BANK_TRANSFER || row.status() != PaymentStatus.AWAITING_TRANSFER) {
            throw new ConflictException("支付当前状态为" + row.status().label() + "，不能上传转账回单");
        }
        PayableOrder order = orders.find(row.orderId()).orElseThrow();
        checkTransferDate(transferDate, order, "transferDate");
        files.attach(fileId, FilePurpose.TRANSFER_SLIP, "payment", id, actor);
        store.slip(id, fileId, transferDate);
        audit.record(actor, "PAYMENT_SLIP_UPLOADED", "payment", String.valueOf(id), Map.of("orderId", row.orderId(),
                "fileId", fileId, "transferDate", transferDate.toString()));
    }

    /** A transfer date is a day between the order's and today (Beijing). */
    void checkTransferDate(LocalDate date, PayableOrder order, String field) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BEIJING);
        LocalDate ordered = LocalDate.ofInstant(order.createdAt(), BEIJING);
        if (date.isAfter(today)) {
            throw new InvalidInputException("转账日期有误", List.of(new Violation(field, "转账日期不能晚于今天")));
        }
        if (date.isBefore(ordered)) {
            throw new InvalidInputException("转账日期有误", List.of(new Violation(field,
                    "转账日期不能早于下单日期" + ordered)));
        }
    }

    /**
     * When a transfer made on {@code date} counts as paid: now when it is today, else the start of that day in Beijing
     * (never before the order was placed). The reserved share counts it in that year (ADR 8).
     */
    Instant paidAtOf(LocalDate date, PayableOrder order) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (date.equals(LocalDate.ofInstant(now, BEIJING))) {
            return now;
        }
        Instant start = date.atStartOfDay(BEIJING).toInstant();
        return start.isBefore(order.createdAt()) ? order.createdAt() : start;
    }

    /**
     * The supplier confirms that a transfer arrived, on {@code transferDate} (the slip's date when null), and the
     * amount when it says one (422 when it is not the payment's: nothing settles). Settles as {@link #settle}.
     */
    @Transactional
    public Settlement receipt(long id, LocalDate transferDate, Long amountFen, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (row.method() != PaymentMethod.BANK_TRANSFER) {
            throw new ConflictException("只有银行转账的支付需要确认到账");
        }
        if (SETTLED.contains(row.status())) {
            return Settlement.ALREADY;
        }
        if (amountFen != null && amountFen != row.amountFen()) {
            throw new RuleViolationException("到账金额" + amountFen + "分与应付金额" + row.amountFen()
                    + "分不符，不能确认到账；请与买方核对", List.of(new Violation("amountFen", "应为" + row.amountFen() + "分")));
        }
        PayableOrder order = orders.find(row.orderId()).orElseThrow();
        LocalDate date = transferDate != null ? transferDate : row.transferDate() != null ? row.transferDate()
                : LocalDate.ofInstant(clock.instant(), BEIJING);
        checkTransferDate(date, order, "transferDate");
        store.transferDateConfirmed(id, date);
        return settle(id, row.transferReference(), paidAtOf(date, order), actor);
    }

    /** The buyer is reminded that a transfer's window is about to close (once per payment). */
    @Transactional
    public boolean remind(long id, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (row.status() != PaymentStatus.AWAITING_TRANSFER || row.remindedAt() != null) {
            return false;
        }
        store.reminded(id, clock.instant());
        audit.record(actor, "PAYMENT_TRANSFER_REMINDED", "payment", String.valueOf(id), Map.of("orderId",
                row.orderId(), "expiresAt", row.expiresAt().toString()));
        return true;
    }

    @Transactional
    public void intentCreated(long id, String intentId, String clientSecret, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (row.intentId() != null) {
            return;
        }
        store.intent(id, intentId, clientSecret);
        audit.record(actor, "PAYMENT_INTENT_CREATED", "payment", String.valueOf(id), Map.of("intentId", intentId));
    }

    /**
     * Money received: the payment SUCCEEDED and the order PAID, once. When the order can no longer be paid
     * (expired, cancelled, paid otherwise) the payment is ORPHANED instead: the caller refunds it after commit
     * ({@link Refunder}), and the refund sweep finds it should that fail.
     */
    @Transactional
    public Settlement settle(long id, String reference, Instant paidAt, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (SETTLED.contains(row.status())) {
            return Settlement.ALREADY;
        }
        PayableOrder order = orders.find(row.orderId()).orElseThrow();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("from", row.status().name());
        detail.put("amountFen", row.amountFen());
        detail.put("reference", reference);
        detail.put("paidAt", paidAt.toString());
        if (order.status() != OrderStatus.PENDING_PAYMENT || store.paid(row.orderId())) {
            store.status(id, PaymentStatus.ORPHANED, "订单状态为" + order.status().label() + "，款项将原路退回", paidAt);
            detail.put("to", PaymentStatus.ORPHANED.name());
            audit.record(actor, "PAYMENT_ORPHANED", "payment", String.valueOf(id), detail);
            return Settlement.ORPHANED;
        }
        store.status(id, PaymentStatus.SUCCEEDED, null, paidAt);
        detail.put("to", PaymentStatus.SUCCEEDED.name());
        audit.record(actor, "PAYMENT_SUCCEEDED", "payment", String.valueOf(id), detail);
        // ORDER_PAID and PAYMENT_SUCCEEDED (amountFen, eligibleFen, paidAt) go to order_event_outbox in this transaction
        orders.markPaid(row.orderId(), "payment-" + id, paidAt, actor);
        orders.paymentSucceeded(row.orderId(), row.amountFen(), paidAt, "payment-" + id);
        return Settlement.SUCCEEDED;
    }

    /** What {@link #settle} did: paid the order, orphaned the money (a refund is due), or nothing (settled before). */
    enum Settlement {
        SUCCEEDED, ORPHANED, ALREADY
    }

    /**
     * Declined: FAILED with the gateway's message (the intent stays open for another card); never undoes a success or
     * a cancellation (events may arrive out of order).
     */
    @Transactional
    public void fail(long id, String message, Actor actor) {
        PaymentRow row = store.lock(id).orElseThrow();
        if (!row.status().live() || row.method() != PaymentMethod.CARD || row.status() == PaymentStatus.FAILED
                && Objects.equals(message, row.failureMessage())) {
            return;
        }
        String why = message == null || message.isBlank() ? "支付失败" : message;
        store.status(id, PaymentStatus.FAILED, why, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("from", row.status().name());
        detail.put("to", PaymentStatus.FAILED.name());
        detail.put("message", why);
        audit.record(actor, "PAYMENT_FAILED", "payment", String.valueOf(id), detail);
    }

    /**
     * What a webhook asks for once its transaction committed: an orphaned payment to refund, refunds to look up,
     * payments to reconcile with the gateway (an event for one of ours before we knew its intent), payments whose
     * refund failed (what is still due goes back at once).
     */
    record Handled(boolean first, Long orphanedPaymentId, List<Long> refundsToReconcile,
                   List<Long> paymentsToReconcile, List<Long> refundsDue) {

        static Handled duplicate() {
            return done(false);
        }

        static Handled done(boolean first) {
            return new Handled(first, null, List.of(), List.of(), List.of());
        }
    }

    /**
     * One verified webhook event, at most once (its id is recorded in this transaction, with its effects).
     * {@code first} is false for a duplicate. Events of other types, or for objects that are not ours, are recorded and
     * ignored. A PaymentIntent event acts only on the payment that created that intent (the stored intent id, never
     * the event's metadata), and a success only for exactly the payment's amount and currency; anything else is a
     * mismatch, recorded with the raw event for operators, and settles nothing. Refund events move our refund to the
     * gateway's status under the same checks; charge.refunded (a Charge, which does not say which refund) asks for the
     * payment's pending refunds to be retrieved.
     */
    @Transactional
    public Handled handle(String eventId, String type, GatewayObject object, String raw, Actor actor) {
        if (object instanceof GatewayIntent pi && type.startsWith("payment_intent.")) {
            return handleIntent(eventId, type, pi, raw, actor);
        }
        if (object instanceof GatewayRefund re) {
            Optional<PaymentStore.RefundRow> ours = refundOf(re);
            if (!store.firstSeen(eventId, type, ours.map(PaymentStore.RefundRow::paymentId).orElse(null))) {
                return Handled.duplicate();
            }
            if (ours.isEmpty()) {
                LOG.info("webhook {} {} ignored (no refund of ours)", eventId, type);
            } else if (type.startsWith("refund.") || type.equals("charge.refund.updated")) {
                boolean failed = gatewayRefund(ours.get().id(), re, eventId, type, raw, actor);
                return new Handled(true, null, List.of(), List.of(), failed && "MANUAL".equals(ours.get().cause())
                        ? List.of(ours.get().paymentId()) : List.of());
            }
            return Handled.done(true);
        }
        if (object instanceof GatewayCharge ch && ch.paymentIntent() != null) {
            Optional<PaymentRow> payment = store.byIntent(ch.paymentIntent());
            if (!store.firstSeen(eventId, type, payment.map(PaymentRow::id).orElse(null))) {
                return Handled.duplicate();
            }
            List<Long> pending = type.equals("charge.refunded") && payment.isPresent()
                    ? store.pendingRefundsOf(payment.get().id()) : List.of();
            return new Handled(true, null, pending, List.of(), List.of());
        }
        if (!store.firstSeen(eventId, type, null)) {
            return Handled.duplicate();
        }
        LOG.info("webhook {} {} ignored", eventId, type);
        return Handled.done(true);
    }

    private Handled handleIntent(String eventId, String type, GatewayIntent pi, String raw, Actor actor) {
        Optional<PaymentRow> byIntent = pi.id() == null ? Optional.empty() : store.byIntent(pi.id());
        Optional<PaymentRow> claimed = claimedPayment(pi);
        PaymentRow row = byIntent.or(() -> claimed).orElse(null);
        if (!store.firstSeen(eventId, type, row == null ? null : row.id())) {
            return Handled.duplicate();
        }
        if (row == null) {
            LOG.info("webhook {} {} ignored (no payment of ours)", eventId, type);
            return Handled.done(true);
        }
        if (byIntent.isEmpty() && row.intentId() == null) {
            // names one of our payments whose intent we have not learnt yet: ask the gateway with our own key
            LOG.info("webhook {} {}: payment {} has no intent yet, reconciling instead", eventId, type, row.id());
            return new Handled(true, null, List.of(), List.of(row.id()), List.of());
        }
        List<String> reasons = Verification.ofIntent(row, pi, type.equals("payment_intent.succeeded"));
        if (!reasons.isEmpty()) {
            mismatch(row, null, eventId, type, pi.id(), reasons, Verification.expected(row),
                    Verification.actual(pi), raw, actor);
            return Handled.done(true);
        }
        Long orphaned = null;
        switch (type) {
            case "payment_intent.succeeded" -> {
                if (settle(row.id(), pi.id(), clock.instant().truncatedTo(ChronoUnit.MICROS), actor)
                        == Settlement.ORPHANED) {
                    orphaned = row.id();
                }
            }
            case "payment_intent.payment_failed" ->
                    fail(row.id(), pi.lastErrorMessage(), actor);
            case "payment_intent.canceled" -> cancelled(row.id(), "支付网关已撤销该支付", actor);
            default -> LOG.info("webhook {} {} ignored", eventId, type);
        }
        return new Handled(true, orphaned, List.of(), List.of(), List.of());
    }

    /**
     * What the gateway said about one of our payments or refunds did not match what we asked for: recorded (with the
     * raw event or answer) for operators, audited, and nothing else happens.
     */
    @Transactional
    public void mismatch(PaymentRow row, Long refundId, String eventId, String type, String objectId,
                         List<String> reasons, Map<String, Object> expected, Map<String, Object> actual, String raw,
                         Actor actor) {
        long id = store.insertMismatch(row.id(), refundId, eventId, type, objectId, reasons, Verification.json(expected),
                Verification.json(actual), raw);
        LOG.warn("payment {}: gateway {} {} does not match ({}): nothing settled, mismatch {}", row.id(), type,
                objectId, reasons, id);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("paymentId", row.id());
        if (refundId != null) {
            detail.put("refundId", refundId);
        }
        detail.put("eventId", eventId == null ? "" : eventId);
        detail.put("eventType", type);
        detail.put("gatewayObjectId", objectId == null ? "" : objectId);
        detail.put("reasons", reasons);
        audit.record(actor, "PAYMENT_GATEWAY_MISMATCH", "payment_mismatch", String.valueOf(id), detail);
    }

    /** An operator has looked into a mismatch and says what was done (audited). */
    @Transactional
    public PaymentStore.MismatchRow resolveMismatch(long id, String resolution, Actor actor) {
        PaymentStore.MismatchRow m = store.mismatch(id, true)
                .orElseThrow(() -> new NotFoundException("记录不存在：" + id));
        if (m.resolvedAt() != null) {
            throw new ConflictException("该记录已于" + m.resolvedAt() + "处理");
        }
        store.resolveMismatch(id, actor.username(), resolution);
        audit.record(actor, "PAYMENT_MISMATCH_RESOLVED", "payment_mismatch", String.valueOf(id),
                Map.of("paymentId", m.paymentId() == null ? "" : m.paymentId(), "resolution", resolution));
        return store.mismatch(id, false).orElseThrow();
    }

    @Transactional
    public PageResponse<PaymentStore.MismatchRow> mismatches(boolean openOnly, PageQuery page) {
        return store.mismatches(openOnly, page);
    }

    @Transactional
    public long openMismatches(long paymentId) {
        return store.openMismatches(paymentId);
    }

    private Optional<PaymentStore.RefundRow> refundOf(GatewayRefund re) {
        String id = re.metadata().get("refund_id");
        if (id != null && id.matches("\\d{1,18}")) {
            return store.refund(Long.parseLong(id), false);
        }
        return re.id() == null ? Optional.empty() : store.refundByGatewayId(re.id());
    }

    /** The payment an intent's metadata names (only ever a hint: the stored intent id decides). */
    private Optional<PaymentRow> claimedPayment(GatewayIntent pi) {
        String id = pi.metadata().get("payment_id");
        return id != null && id.matches("\\d{1,18}") ? store.find(Long.parseLong(id)) : Optional.empty();
    }

    @Serdeable
    record RefundRequest(long orderId, long amountFen, String reason) {
    }

    /** Reserves a refund (PENDING, counted against the payment at once) under the payment's lock. */
    @Transactional
    public Idempotency.Outcome<Created> createRefund(long orderId, long amountFen, String reason, String key,
                                                     Actor actor) {
        return idempotency.once("user:" + actor.username(), key, "POST /api/v1/orders/{id}/refunds",
                new RefundRequest(orderId, amountFen, reason), Created.class, 201, () -> {
                    PaymentRow payment = store.lockSucceeded(orderId)
                            .orElseThrow(() -> new ConflictException("订单没有成功的支付，不能退款"));
                    long refunding = store.refunding(payment.id());
                    if (refunding + amountFen > payment.amountFen()) {
                        throw new RuleViolationException("退款总额不能超过已支付金额：已退或退款中" + refunding
                                + "分，本次" + amountFen + "分，已支付" + payment.amountFen() + "分");
                    }
                    return new Created(insertRefund(payment, amountFen, reason, "MANUAL", actor));
                });
    }

    private long insertRefund(PaymentRow payment, long amountFen, String reason, String cause, Actor actor) {
        boolean offline = payment.method() == PaymentMethod.BANK_TRANSFER;
        long id = store.insertRefund(payment.orderId(), payment.id(), amountFen, reason, cause, offline,
                actor.username());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", payment.orderId());
        detail.put("paymentId", payment.id());
        detail.put("amountFen", amountFen);
        detail.put("reason", reason);
        detail.put("cause", cause);
        detail.put("offline", offline);
        audit.record(actor, "REFUND_REQUESTED", "refund", String.valueOf(id), detail);
        return id;
    }

    /**
     * Reserves the automatic refund of everything not yet given back or being given back of a payment: a SUCCEEDED
     * payment of a CANCELLED order (cause CANCELLATION) or an ORPHANED payment (cause ORPHANED). A manual refund in
     * flight is counted as given back (should it fail, this runs again at once for what it leaves). Empty when nothing
     * is due, an automatic refund of it is in flight (its outcome is reconciled, never guessed), or {@code maxFailures}
     * automatic attempts failed (an operator sees it in the attention list).
     */
    @Transactional
    public Optional<Long> reserveAutomaticRefund(long paymentId, int maxFailures, Actor actor) {
        PaymentRow payment = store.lock(paymentId).orElse(null);
        if (payment == null) {
            return Optional.empty();
        }
        String cause;
        String reason;
        if (payment.status() == PaymentStatus.ORPHANED) {
            cause = "ORPHANED";
            reason = "款项到账时订单已不可支付，原路退回";
        } else if (payment.status() == PaymentStatus.SUCCEEDED
                && orders.find(payment.orderId()).map(o -> o.status() == OrderStatus.CANCELLED).orElse(false)) {
            cause = "CANCELLATION";
            reason = "已支付订单取消，全额退款";
        } else {
            return Optional.empty();
        }
        if (store.automaticRefundPending(paymentId) || store.countRefunds(paymentId, "FAILED", true) >= maxFailures) {
            return Optional.empty();
        }
        long due = payment.amountFen() - store.refunding(paymentId);
        if (due <= 0) {
            return Optional.empty();
        }
        return Optional.of(insertRefund(payment, due, reason, cause, actor));
    }

    /**
     * The gateway's word on a refund (the API's answer, a retrieval or a webhook): succeeded records it (for the
     * order, unless the money was orphaned), failed/canceled fails it, anything else (pending, requires_action) keeps
     * it PENDING with the gateway's id. Only for the refund we asked for: another refund id, another intent, another
     * amount or currency is a mismatch (recorded, nothing changes). Converges: a refund leaves PENDING once. A failure
     * reported after a success (Stripe's refund.failed of a refund first reported succeeded) is recorded for
     * operators, not undone here. True when this failed the refund (what is still due may be refunded again).
     */
    @Transactional
    public boolean gatewayRefund(long refundId, GatewayRefund re, String eventId, String type, String raw, Actor actor) {
        PaymentStore.RefundRow r = store.refund(refundId, true).orElseThrow();
        PaymentRow payment = store.find(r.paymentId()).orElseThrow();
        List<String> reasons = Verification.ofRefund(r, payment, re);
        if (!reasons.isEmpty()) {
            mismatch(payment, refundId, eventId, type, re.id(), reasons, Verification.expected(r, payment),
                    Verification.actual(re), raw == null ? re.json() : raw, actor);
            return false;
        }
        String gatewayRefundId = re.id();
        String failureReason = re.failureReason();
        String status = re.status() == null ? "" : re.status();
        if (!r.pending()) {
            if (r.status().equals("SUCCEEDED") && (status.equals("failed") || status.equals("canceled"))
                    && !status.equals(r.gatewayStatus())) {
                store.refundStatus(refundId, r.status(), gatewayRefundId, status,
                        "网关报告退款失败（" + failureReason + "），需人工处理");
                audit.record(actor, "REFUND_FAILED_AFTER_SUCCESS", "refund", String.valueOf(refundId),
                        Map.of("orderId", r.orderId(), "gatewayStatus", status));
            }
            return false;
        }
        switch (status) {
            case "succeeded" -> {
                succeed(r, gatewayRefundId, status, actor);
                return false;
            }
            case "failed", "canceled" -> {
                failRefund(r, gatewayRefundId, status,
                        "支付网关退款失败" + (failureReason == null ? "" : "：" + failureReason), actor);
                return true;
            }
            default -> {
                store.refundStatus(refundId, "PENDING", gatewayRefundId, status, null);
                return false;
            }
        }
    }

    /**
     * The supplier confirms that it sent an offline (bank-transfer) refund, on {@code sentOn}, with its bank's
     * reference: only then is the refund SUCCEEDED and the money taken back from the order (and the reserved share).
     */
    @Transactional
    public PaymentStore.RefundRow confirmOfflineRefund(long refundId, LocalDate sentOn, String bankReference,
                                                       Actor actor) {
        PaymentStore.RefundRow r = store.refund(refundId, true).orElseThrow();
        if (!r.offline()) {
            throw new ConflictException("该退款经支付网关原路退回，无需供应商确认");
        }
        if (!r.pending()) {
            throw new ConflictException("该退款状态为" + r.status() + "，不能再确认");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), BEIJING);
        if (sentOn.isAfter(today) || sentOn.isBefore(LocalDate.ofInstant(r.createdAt(), BEIJING))) {
            throw new InvalidInputException("退款日期有误", List.of(new Violation("sentOn",
                    "退款日期应在登记退款之日到今天之间")));
        }
        store.refundSent(refundId, sentOn, bankReference, actor.username());
        succeed(store.refund(refundId, true).orElseThrow(), null, null, actor);
        return store.refund(refundId, false).orElseThrow();
    }

    private void succeed(PaymentStore.RefundRow r, String gatewayRefundId, String gatewayStatus, Actor actor) {
        store.refundStatus(r.id(), "SUCCEEDED", gatewayRefundId, gatewayStatus, null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", r.orderId());
        detail.put("amountFen", r.amountFen());
        detail.put("cause", r.cause());
        detail.put("offline", r.offline());
        detail.put("gatewayRefundId", gatewayRefundId == null ? "" : gatewayRefundId);
        if (r.offline()) {
            detail.put("sentOn", String.valueOf(r.sentOn()));
            detail.put("bankReference", r.bankReference() == null ? "" : r.bankReference());
        }
        audit.record(actor, "REFUND_SUCCEEDED", "refund", String.valueOf(r.id()), detail);
        if (!"ORPHANED".equals(r.cause())) {
            // the order (and, through ORDER_REFUNDED, the reserved-share ledger) learns of the money given back
            orders.recordRefund(r.orderId(), r.amountFen(), "refund-" + r.id(), actor);
        }
    }

    @Transactional
    public void refundFailed(long refundId, String message, Actor actor) {
        PaymentStore.RefundRow r = store.refund(refundId, true).orElseThrow();
        if (r.pending()) {
            failRefund(r, null, null, message, actor);
        }
    }

    private void failRefund(PaymentStore.RefundRow r, String gatewayRefundId, String gatewayStatus, String message,
                            Actor actor) {
        store.refundStatus(r.id(), "FAILED", gatewayRefundId, gatewayStatus, message);
        audit.record(actor, "REFUND_FAILED", "refund", String.valueOf(r.id()), Map.of("orderId", r.orderId(),
                "cause", r.cause(), "message", message));
    }

    @Transactional
    public Optional<PaymentStore.RefundRow> findRefund(long id) {
        return store.refund(id, false);
    }

    @Transactional
    public List<Long> pendingRefunds(Instant before, int limit) {
        return store.pendingRefunds(before, limit);
    }

    @Transactional
    public List<Long> orphanedUnrefunded(long afterId, int limit) {
        return store.orphanedUnrefunded(afterId, limit);
    }

    @Transactional
    public Optional<PaymentRow> succeededOf(long orderId) {
        return store.succeededOf(orderId);
    }

    @Transactional
    public List<Long> stuckCardPayments(Instant before, long afterId, int limit) {
        return store.stuckCardPayments(before, afterId, limit);
    }

    @Transactional
    public PageResponse<PaymentRow> attention(PageQuery page) {
        return store.attention(page);
    }

    @Transactional
    public List<PaymentStore.RefundRow> refundsOf(long paymentId) {
        return store.refundsOf(paymentId);
    }

    @Transactional
    public Optional<PaymentRow> live(long orderId) {
        return store.live(orderId);
    }

    @Transactional
    public List<Long> lapsedTransfers(Instant now, long afterId, int limit) {
        return store.lapsedTransfers(now, afterId, limit);
    }

    @Transactional
    public List<Long> transfersToRemind(Instant now, int limit) {
        return store.transfersToRemind(now, now.plus(settings.transferReminderBefore()), limit);
    }

    @Transactional
    public List<PaymentRow> awaitingTransfer(List<Long> orderIds) {
        return store.awaitingTransfer(orderIds);
    }

    @Transactional
    public List<PaymentRow> liveOf(long orderId) {
        return store.liveOf(orderId);
    }
}
