package cn.huinong.ordering.internal;

import cn.huinong.ordering.OrderNotFound;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** 发票: the buyer unit's invoice details (抬头, 税号), then the supplier's issued invoice (number, date). */
@Singleton
class Invoicing {

    private final OrderStore store;
    private final OrderChanges changes;
    private final InstantSource clock;

    Invoicing(OrderStore store, OrderChanges changes, InstantSource clock) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public void request(long id, String title, String taxNumber, Actor actor) {
        Order order = mine(id, actor, Role.BUYER);
        changes.record(
                order.requestInvoice(
                        title.strip(), taxNumber.strip(), clock.instant().truncatedTo(ChronoUnit.MICROS)),
                actor);
    }

    @Transactional
    public void record(long id, String invoiceNumber, LocalDate issuedOn, Actor actor) {
        changes.record(mine(id, actor, Role.SUPPLIER).recordInvoice(invoiceNumber.strip(), issuedOn), actor);
    }

    private Order mine(long id, Actor actor, Role role) {
        Order order = store.lock(id).filter(o -> Parties.visible(o, actor)).orElseThrow(() -> new OrderNotFound(id));
        Parties.require(role, actor);
        return order;
    }
}
