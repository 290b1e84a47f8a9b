package cn.huinong.ordering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.ordering.Channel;
import cn.huinong.ordering.InvoiceNotAllowed;
import cn.huinong.ordering.OrderEventType;
import cn.huinong.ordering.OrderLifecycle;
import cn.huinong.ordering.OrderLifecycle.Move;
import cn.huinong.ordering.OrderMoveNotAllowed;
import cn.huinong.ordering.OrderNotPayable;
import cn.huinong.ordering.OrderNotRefundable;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.RefundExceedsTotal;
import cn.huinong.shared.problem.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The aggregate alone, no database: every state x every move against the production table ({@link OrderLifecycle}). */
class OrderTest {

    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    static final Instant PLACED = NOW.minus(Duration.ofDays(10));

    static Order order(OrderStatus status, boolean paid, long refundedFen) {
        return new Order(
                7,
                UUID.randomUUID(),
                11,
                22,
                Channel.CANTEEN,
                status,
                10_000,
                6_000,
                refundedFen,
                NOW.minus(Duration.ofMinutes(1)),
                paid ? PLACED.plusSeconds(60) : null,
                paid ? "payment-1" : null,
                status == OrderStatus.DELIVERED || status == OrderStatus.ACCEPTED
                        ? NOW.minus(Duration.ofDays(8))
                        : null,
                false,
                false,
                PLACED);
    }

    /** Every status with the paid-ness it can have (CANCELLED both). */
    static Stream<Arguments> statesAndMoves() {
        List<Arguments> all = new ArrayList<>();
        for (OrderStatus s : OrderStatus.values()) {
            for (boolean paid : s == OrderStatus.CANCELLED
                    ? new boolean[] {false, true}
                    : new boolean[] {s != OrderStatus.PENDING_PAYMENT}) {
                for (Move m : Move.values()) {
                    all.add(Arguments.of(s, paid, m));
                }
            }
        }
        return all.stream();
    }

    /** Performs the move; empty when the aggregate declined it without an exception (the jobs' steps). */
    static Optional<OrderChange> perform(Order o, Move move) {
        return switch (move) {
            case PAY -> Optional.of(o.markPaid("payment-2", NOW, NOW));
            case SHIP -> Optional.of(o.ship("顺丰速运", "SF1", NOW));
            case DELIVER -> Optional.of(o.deliver(NOW));
            case ACCEPT -> Optional.of(o.accept(5, "好", NOW));
            case AUTO_ACCEPT -> o.autoAccept(NOW.minus(Duration.ofDays(7)), NOW);
            case CANCEL -> Optional.of(o.cancel("买方取消", NOW));
            case EXPIRE -> o.expire(NOW);
            case REFUND_IN_PART -> Optional.of(o.refund(1_000, "refund-1", NOW));
            case REFUND_IN_FULL -> Optional.of(o.refund(10_000, "refund-1", NOW));
        };
    }

    @ParameterizedTest(name = "{0} paid={1} + {2}")
    @MethodSource("statesAndMoves")
    void legalMovesLeadWhereTheTableSays_otherMovesAreRefused(OrderStatus status, boolean paid, Move move) {
        Order o = order(status, paid, 0);
        Optional<OrderStatus> to = OrderLifecycle.after(status, paid, move);
        if (to.isPresent()) {
            OrderChange c = perform(o, move).orElseThrow();
            assertEquals(status, c.from());
            assertEquals(to.get(), c.to());
            assertEquals(o.id(), c.orderId());
        } else if (move == Move.EXPIRE || move == Move.AUTO_ACCEPT) {
            assertTrue(perform(o, move).isEmpty(), "a job step that does not apply does nothing");
        } else {
            ConflictException e = assertThrows(ConflictException.class, () -> perform(o, move));
            assertTrue(e.getMessage().startsWith("订单当前状态为" + status.label()), e.getMessage());
        }
    }

    @Test
    void payingAnOrderNoLongerAwaitingPaymentIsOrderNotPayable() {
        OrderNotPayable e = assertThrows(
                OrderNotPayable.class,
                () -> order(OrderStatus.CANCELLED, false, 0).markPaid("payment-2", NOW, NOW));
        assertEquals("urn:huinong:problem:order-not-payable", e.type());
        assertEquals("订单当前状态为已取消，不能支付", e.getMessage());
    }

    @Test
    void shippingAnUnpaidOrderIsAnIllegalMove() {
        OrderMoveNotAllowed e = assertThrows(
                OrderMoveNotAllowed.class,
                () -> order(OrderStatus.PENDING_PAYMENT, false, 0).ship("顺丰速运", "SF1", NOW));
        assertEquals("urn:huinong:problem:order-move-not-allowed", e.type());
    }

    @Test
    void payingReturnsOrderPaidWithTheOrdersMoney() {
        OrderChange c = order(OrderStatus.PENDING_PAYMENT, false, 0).markPaid("payment-2", NOW, NOW);
        assertEquals("ORDER_PAID", c.action());
        assertEquals(OrderEventType.ORDER_PAID, c.event().type());
        assertEquals(10_000, c.event().amountFen());
        assertEquals(6_000, c.event().eligibleFen());
        assertTrue(c.event().paid());
        assertEquals(new OrderChange.Paid(NOW, "payment-2"), c.facts());
    }

    @Test
    void cancellingReleasesTheStockAndSaysWhetherItWasPaid() {
        OrderChange unpaid = order(OrderStatus.PENDING_PAYMENT, false, 0).cancel("买方取消", NOW);
        OrderChange paid = order(OrderStatus.PAID, true, 0).cancel("买方取消", NOW);
        assertTrue(unpaid.releasesStock());
        assertFalse(unpaid.event().paid());
        assertTrue(paid.event().paid());
        assertEquals(OrderEventType.ORDER_CANCELLED, paid.event().type());
    }

    @Test
    void onlyAnOverdueUnpaidOrderExpires() {
        Order due = order(OrderStatus.PENDING_PAYMENT, false, 0);
        assertTrue(due.expire(due.expiresAt().minusSeconds(1)).isEmpty());
        OrderChange c = due.expire(due.expiresAt()).orElseThrow();
        assertEquals("ORDER_EXPIRED", c.action());
        assertEquals(OrderEventType.ORDER_EXPIRED, c.event().type());
    }

    @Test
    void partialRefundsKeepTheStatusAndTheirEligiblePartsAddUpToEligibleFen() {
        Order o = order(OrderStatus.SHIPPED, true, 0);
        OrderChange first = o.refund(3_333, "refund-1", NOW);
        assertEquals(OrderStatus.SHIPPED, first.to());
        assertEquals("ORDER_PARTIALLY_REFUNDED", first.action());
        assertEquals(1_999, first.event().eligibleFen());
        OrderChange rest = order(OrderStatus.SHIPPED, true, 3_333).refund(6_667, "refund-2", NOW);
        assertEquals(OrderStatus.REFUNDED, rest.to());
        assertEquals(6_000, first.event().eligibleFen() + rest.event().eligibleFen());
        assertEquals(new OrderChange.Refunded(10_000), rest.facts());
    }

    @Test
    void aCancelledPaidOrderRefundedInFullStaysCancelled() {
        OrderChange c = order(OrderStatus.CANCELLED, true, 0).refund(10_000, "refund-1", NOW);
        assertEquals(OrderStatus.CANCELLED, c.to());
        assertEquals("ORDER_REFUNDED", c.action());
    }

    @Test
    void refundsNeverExceedTheTotalNorReachAnUnpaidOrder() {
        assertThrows(
                RefundExceedsTotal.class,
                () -> order(OrderStatus.PAID, true, 9_000).refund(1_001, "r", NOW));
        assertThrows(
                RefundExceedsTotal.class, () -> order(OrderStatus.PAID, true, 0).refund(0, "r", NOW));
        assertThrows(
                OrderNotRefundable.class,
                () -> order(OrderStatus.CANCELLED, false, 0).refund(1, "r", NOW));
        assertThrows(
                OrderNotRefundable.class,
                () -> order(OrderStatus.REFUNDED, true, 10_000).refund(1, "r", NOW));
    }

    @Test
    void autoAcceptanceWaitsForTheDeadline() {
        Order delivered = order(OrderStatus.DELIVERED, true, 0);
        assertTrue(delivered
                .autoAccept(delivered.deliveredAt().minusSeconds(1), NOW)
                .isEmpty());
        OrderChange c = delivered.autoAccept(delivered.deliveredAt(), NOW).orElseThrow();
        assertEquals("AUTO_ACCEPTED", c.action());
        assertEquals(OrderEventType.ORDER_ACCEPTED, c.event().type());
    }

    @Test
    void invoicesNeedARequestAndAPaidOrder() {
        Order unrequested = order(OrderStatus.PAID, true, 0);
        assertThrows(InvoiceNotAllowed.class, () -> unrequested.recordInvoice("No.1", LocalDate.of(2026, 3, 1)));
        Order requestedUnpaid = new Order(
                7,
                UUID.randomUUID(),
                11,
                22,
                Channel.CANTEEN,
                OrderStatus.PENDING_PAYMENT,
                10_000,
                6_000,
                0,
                NOW,
                null,
                null,
                null,
                true,
                false,
                PLACED);
        assertThrows(OrderMoveNotAllowed.class, () -> requestedUnpaid.recordInvoice("No.1", LocalDate.of(2026, 3, 1)));
        assertThrows(
                InvoiceNotAllowed.class,
                () -> order(OrderStatus.CANCELLED, true, 0).requestInvoice("t", "x", NOW));
        OrderChange c = requestedUnpaid.requestInvoice("某单位", "91520000", NOW);
        assertEquals(OrderStatus.PENDING_PAYMENT, c.to());
        assertNull(c.event());
        assertNotNull(c.audited().get("title"));
    }
}
