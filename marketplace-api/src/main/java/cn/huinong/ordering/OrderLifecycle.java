package cn.huinong.ordering;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The legal moves of an order and where each leads: the one table the {@code Order} aggregate guards its transitions
 * with (and its tests read). Whether money had been received ({@code paid}) matters for a CANCELLED order only: a
 * cancelled paid order gets its money back and stays CANCELLED (ADR 7); an unpaid one can do nothing more. Any move
 * missing from the table is refused (409) and changes nothing.
 *
 * <pre>
 * PENDING_PAYMENT -PAY-> PAID -SHIP-> SHIPPED -DELIVER-> DELIVERED -ACCEPT/AUTO_ACCEPT-> ACCEPTED
 * PENDING_PAYMENT -CANCEL/EXPIRE-> CANCELLED;   PAID -CANCEL-> CANCELLED (paid)
 * PAID, SHIPPED, DELIVERED, ACCEPTED -REFUND_IN_FULL-> REFUNDED; -REFUND_IN_PART-> (same status)
 * CANCELLED (paid) -REFUND_IN_PART/REFUND_IN_FULL-> CANCELLED
 * </pre>
 */
public final class OrderLifecycle {

    /** What can happen to an order. EXPIRE and AUTO_ACCEPT are the system's (scheduled jobs). */
    public enum Move {
        PAY,
        SHIP,
        DELIVER,
        ACCEPT,
        AUTO_ACCEPT,
        CANCEL,
        EXPIRE,
        REFUND_IN_PART,
        REFUND_IN_FULL
    }

    private static final Map<OrderStatus, Map<Move, OrderStatus>> UNPAID = new EnumMap<>(OrderStatus.class);
    private static final Map<OrderStatus, Map<Move, OrderStatus>> PAID = new EnumMap<>(OrderStatus.class);

    static {
        for (OrderStatus s : OrderStatus.values()) {
            UNPAID.put(s, new EnumMap<>(Move.class));
            PAID.put(s, new EnumMap<>(Move.class));
        }
        UNPAID.get(OrderStatus.PENDING_PAYMENT).put(Move.PAY, OrderStatus.PAID);
        UNPAID.get(OrderStatus.PENDING_PAYMENT).put(Move.CANCEL, OrderStatus.CANCELLED);
        UNPAID.get(OrderStatus.PENDING_PAYMENT).put(Move.EXPIRE, OrderStatus.CANCELLED);
        PAID.get(OrderStatus.PAID).put(Move.SHIP, OrderStatus.SHIPPED);
        PAID.get(OrderStatus.PAID).put(Move.CANCEL, OrderStatus.CANCELLED);
        PAID.get(OrderStatus.SHIPPED).put(Move.DELIVER, OrderStatus.DELIVERED);
        PAID.get(OrderStatus.DELIVERED).put(Move.ACCEPT, OrderStatus.ACCEPTED);
        PAID.get(OrderStatus.DELIVERED).put(Move.AUTO_ACCEPT, OrderStatus.ACCEPTED);
        for (OrderStatus s :
                new OrderStatus[] {OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.ACCEPTED
                }) {
            PAID.get(s).put(Move.REFUND_IN_PART, s);
            PAID.get(s).put(Move.REFUND_IN_FULL, OrderStatus.REFUNDED);
        }
        PAID.get(OrderStatus.CANCELLED).put(Move.REFUND_IN_PART, OrderStatus.CANCELLED);
        PAID.get(OrderStatus.CANCELLED).put(Move.REFUND_IN_FULL, OrderStatus.CANCELLED);
    }

    private OrderLifecycle() {}

    /** Where {@code move} leads from {@code from}; empty when it is not allowed. */
    public static Optional<OrderStatus> after(OrderStatus from, boolean paid, Move move) {
        return Optional.ofNullable((paid ? PAID : UNPAID).get(from).get(move));
    }

    /** The moves allowed from {@code from} and where each leads (read only). */
    public static Map<Move, OrderStatus> moves(OrderStatus from, boolean paid) {
        return Collections.unmodifiableMap((paid ? PAID : UNPAID).get(from));
    }
}
