package cn.huinong.ordering;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.identity.Organizations;
import cn.huinong.ordering.OrderLifecycle.Move;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.ConflictException;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogDb;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.OrderingFixtures.Buyer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every order state x every action: the legal ones move the order where the table says; every other one is refused
 * with 409 (problem+json over HTTP, ConflictException through the facade) and changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransitionTableTest {

    /** The states an order can be in; CANCELLED twice: cancelled before and after payment behave differently. */
    enum State {
        PENDING_PAYMENT(OrderStatus.PENDING_PAYMENT, false),
        PAID(OrderStatus.PAID, true),
        SHIPPED(OrderStatus.SHIPPED, true),
        DELIVERED(OrderStatus.DELIVERED, true),
        ACCEPTED(OrderStatus.ACCEPTED, true),
        CANCELLED_UNPAID(OrderStatus.CANCELLED, false),
        CANCELLED_PAID(OrderStatus.CANCELLED, true),
        REFUNDED(OrderStatus.REFUNDED, true);

        final OrderStatus status;
        final boolean paid;

        State(OrderStatus status, boolean paid) {
            this.status = status;
            this.paid = paid;
        }
    }

    /** What the test does, and the move of the production table ({@link OrderLifecycle}) each one is. */
    enum Action {
        PAY(Move.PAY),
        SHIP(Move.SHIP),
        DELIVER(Move.DELIVER),
        ACCEPT(Move.ACCEPT),
        CANCEL(Move.CANCEL),
        REFUND_IN_FULL(Move.REFUND_IN_FULL);

        final Move move;

        Action(Move move) {
            this.move = move;
        }
    }

    /** Where the production table says the action leads from the state; null when it is illegal (409). */
    static OrderStatus legal(State state, Action action) {
        return OrderLifecycle.after(state.status, state.paid, action.move).orElse(null);
    }

    static final Map<String, Object> SHIPMENT = Map.of("carrier", "顺丰速运", "trackingNumber", "SF1234567890");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    CatalogDb db;

    @Inject
    OrderPayments orders;

    Api api;
    Supplier supplier;
    Buyer buyer;
    long tea;

    @BeforeAll
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);
        buyer = OrderingFixtures.buyer(organizations, api);
        tea = OrderingFixtures.listed(api, supplier, operator, 3000, 500);
    }

    static Stream<Arguments> table() {
        List<Arguments> all = new ArrayList<>();
        for (State s : State.values()) {
            for (Action a : Action.values()) {
                all.add(Arguments.of(s, a));
            }
        }
        return all.stream();
    }

    /** A fresh order in that state, reached by legal moves only. */
    long orderIn(State state) {
        long order = id(orders(expect(201, place(api, buyer.token(), null, checkout(line(tea, 1)))))
                .get(0));
        switch (state) {
            case PENDING_PAYMENT -> {}
            case CANCELLED_UNPAID -> run(order, Action.CANCEL);
            case CANCELLED_PAID -> {
                run(order, Action.PAY);
                run(order, Action.CANCEL);
            }
            case REFUNDED -> {
                run(order, Action.PAY);
                run(order, Action.REFUND_IN_FULL);
            }
            default -> {
                run(order, Action.PAY);
                for (State step : List.of(State.SHIPPED, State.DELIVERED, State.ACCEPTED)) {
                    if (state.ordinal() < step.ordinal()) {
                        break;
                    }
                    run(
                            order,
                            step == State.SHIPPED
                                    ? Action.SHIP
                                    : step == State.DELIVERED ? Action.DELIVER : Action.ACCEPT);
                }
            }
        }
        return order;
    }

    /** Performs the action as the party that may; returns the HTTP status (200 for facade calls that succeed). */
    int run(long order, Action action) {
        String base = "/api/v1/orders/" + order + "/";
        return switch (action) {
            case PAY -> facade(() -> orders.markPaid(order, "test-" + order, Instant.now(), Actor.system("test")));
            case SHIP -> api.post(base + "shipment", SHIPMENT, supplier.token()).status();
            case DELIVER ->
                api.post(base + "delivery", Map.of(), supplier.token()).status();
            case ACCEPT ->
                api.post(base + "acceptance", Map.of(), buyer.token()).status();
            case CANCEL ->
                api.post(base + "cancellation", Map.of(), buyer.token()).status();
            case REFUND_IN_FULL ->
                facade(() -> orders.recordRefund(order, 3000, "test-refund-" + order, Actor.system("test")));
        };
    }

    static int facade(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ConflictException e) {
            return 409;
        }
    }

    OrderStatus status(long order) {
        return orders.find(order).orElseThrow().status();
    }

    long history(long order) {
        return db.count("SELECT count(*) FROM order_history WHERE order_id = ?", order);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("table")
    void legalMovesLeadWhereTheTableSays_everythingElseIs409AndChangesNothing(State state, Action action) {
        long order = orderIn(state);
        OrderStatus before = status(order);
        assertEquals(state.status, before, "reached " + state);
        long historyBefore = history(order);
        OrderStatus to = legal(state, action);

        int result = run(order, action);

        if (to != null) {
            assertEquals(200, result, state + " + " + action + " is legal");
            assertEquals(to, status(order));
            assertEquals(historyBefore + 1, history(order), "one history row per move");
        } else {
            assertEquals(409, result, state + " + " + action + " is illegal");
            assertEquals(before, status(order));
            assertEquals(historyBefore, history(order), "a refused move leaves no trace in the history");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void illegalMovesOverHttpAnswerProblemJsonInChinese(State state) {
        long order = orderIn(state);
        for (Action a : List.of(Action.SHIP, Action.DELIVER, Action.ACCEPT, Action.CANCEL)) {
            if (legal(state, a) != null) {
                continue;
            }
            String step = switch (a) {
                case SHIP -> "shipment";
                case DELIVER -> "delivery";
                case ACCEPT -> "acceptance";
                default -> "cancellation";
            };
            Api.Response r = api.post(
                    "/api/v1/orders/" + order + "/" + step,
                    a == Action.SHIP ? SHIPMENT : Map.of(),
                    a == Action.SHIP || a == Action.DELIVER ? supplier.token() : buyer.token());
            assertEquals(409, r.status());
            assertEquals("application/problem+json", r.contentType());
            assertEquals(
                    true,
                    ((String) r.get("detail")).contains("订单当前状态为"),
                    r.body().toString());
        }
    }

    static Stream<State> states() {
        return Stream.of(State.values());
    }
}
