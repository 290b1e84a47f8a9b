package cn.huinong.ordering.internal;

import cn.huinong.ordering.CheckoutResult;
import cn.huinong.ordering.NewCheckout;
import cn.huinong.ordering.OrderNotFound;
import cn.huinong.ordering.OrderStatus;
import cn.huinong.ordering.OrderSummary;
import cn.huinong.ordering.OrderView;
import cn.huinong.ordering.Orders;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.idempotency.Idempotency;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@link Orders} facade: checkout ({@link Checkout}), the life cycle ({@link OrderMoves}), invoices
 * ({@link Invoicing}) and reads ({@link OrderReads}); each command is one transaction and answers with the order as it
 * is after it.
 */
@Singleton
class OrderService implements Orders {

    private final Checkout checkout;
    private final OrderMoves moves;
    private final Invoicing invoicing;
    private final OrderReads reads;
    private final OrderingSettings settings;

    OrderService(
            Checkout checkout, OrderMoves moves, Invoicing invoicing, OrderReads reads, OrderingSettings settings) {
        this.checkout = checkout;
        this.moves = moves;
        this.invoicing = invoicing;
        this.reads = reads;
        this.settings = settings;
    }

    @Override
    public Idempotency.Outcome<CheckoutResult> checkout(NewCheckout newCheckout, String idempotencyKey, Actor actor) {
        return checkout.checkout(newCheckout, idempotencyKey, actor);
    }

    @Override
    public OrderView view(long id, Actor actor) {
        return reads.view(id, actor);
    }

    @Override
    public PageResponse<OrderSummary> list(Actor actor, OrderStatus status, String query, PageQuery page) {
        return reads.list(actor, status, query, page);
    }

    @Override
    @Transactional
    public OrderView ship(long id, String carrier, String trackingNumber, Actor actor) {
        moves.ship(id, carrier, trackingNumber, actor);
        return after(id);
    }

    @Override
    @Transactional
    public OrderView deliver(long id, Actor actor) {
        moves.deliver(id, actor);
        return after(id);
    }

    @Override
    @Transactional
    public OrderView accept(long id, Integer rating, String comment, Actor actor) {
        moves.accept(id, rating, comment, actor);
        return after(id);
    }

    @Override
    public OrderView cancel(long id, String reason, Actor actor) {
        moves.cancel(id, reason, actor);
        return reads.view(id, actor);
    }

    @Override
    @Transactional
    public OrderView requestInvoice(long id, String title, String taxNumber, Actor actor) {
        invoicing.request(id, title, taxNumber, actor);
        return after(id);
    }

    @Override
    @Transactional
    public OrderView recordInvoice(long id, String invoiceNumber, LocalDate issuedOn, Actor actor) {
        invoicing.record(id, invoiceNumber, issuedOn, actor);
        return after(id);
    }

    @Override
    public int expireUnpaid(Instant now) {
        int expired = 0;
        List<Long> ids;
        do {
            ids = moves.overdue(now, 100);
            for (long id : ids) {
                if (moves.expire(id, now)) {
                    expired++;
                    moves.expired(id);
                }
            }
        } while (ids.size() == 100);
        return expired;
    }

    @Override
    public int acceptDelivered(Instant now) {
        Instant deliveredBy = now.minus(settings.autoAcceptAfter());
        int accepted = 0;
        List<Long> ids;
        do {
            ids = moves.deliveredBy(deliveredBy, 100);
            for (long id : ids) {
                if (moves.autoAccept(id, deliveredBy)) {
                    accepted++;
                }
            }
        } while (ids.size() == 100);
        return accepted;
    }

    private OrderView after(long id) {
        return reads.find(id).orElseThrow(() -> new OrderNotFound(id));
    }
}
