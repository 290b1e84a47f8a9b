package cn.huinong.ordering.internal;

import cn.huinong.catalog.ProductView;
import cn.huinong.catalog.Products;
import cn.huinong.ordering.CartEmpty;
import cn.huinong.ordering.CartFull;
import cn.huinong.ordering.CartView;
import cn.huinong.ordering.Carts;
import cn.huinong.ordering.Channel;
import cn.huinong.ordering.CheckoutResult;
import cn.huinong.ordering.NewCheckout;
import cn.huinong.shared.Actor;
import cn.huinong.shared.idempotency.Idempotency;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

@Singleton
class CartService implements Carts {

    /** What a cart checkout's Idempotency-Key fingerprints: the request and the cart it checked out. */
    @Serdeable
    record CartCheckoutRequest(String deliveryAddress, Channel channel) {}

    private final Sql sql;
    private final Products products;
    private final Checkout orders;
    private final Idempotency idempotency;
    private final OrderingSettings settings;

    CartService(Sql sql, Products products, Checkout orders, Idempotency idempotency, OrderingSettings settings) {
        this.sql = sql;
        this.products = products;
        this.orders = orders;
        this.idempotency = idempotency;
        this.settings = settings;
    }

    @Override
    @Transactional
    public CartView view(Actor actor) {
        Parties.buyerOf(actor);
        List<CartView.Line> lines = new ArrayList<>();
        long total = 0;
        for (NewCheckout.Line l : lines(actor)) {
            ProductView p;
            try {
                p = products.view(l.productId(), actor);
            } catch (NotFoundException e) {
                lines.add(new CartView.Line(
                        l.productId(), null, null, null, null, null, null, l.quantity(), 0, 0, false, false));
                continue;
            }
            boolean available = p.status().name().equals("LISTED") && p.stock() >= l.quantity();
            long amount = Math.multiplyExact(p.priceFen(), (long) l.quantity());
            if (available) {
                total = Math.addExact(total, amount);
            }
            lines.add(new CartView.Line(
                    p.id(),
                    p.name(),
                    p.supplier().id(),
                    p.supplier().name(),
                    p.unit(),
                    p.spec(),
                    p.priceFen(),
                    l.quantity(),
                    amount,
                    p.stock(),
                    available,
                    p.eligible()));
        }
        return new CartView(lines, total);
    }

    @Override
    @Transactional
    public CartView put(long productId, int quantity, Actor actor) {
        Parties.buyerOf(actor);
        if (quantity < 1 || quantity > settings.maxQuantityPerLine()) {
            throw new InvalidInputException(
                    "数量有误", List.of(new Violation("quantity", "数量应在1到" + settings.maxQuantityPerLine() + "之间")));
        }
        ProductView p = products.view(productId, actor);
        if (!p.status().name().equals("LISTED")) {
            throw new NotFoundException("商品不存在：" + productId);
        }
        sql.update("""
                INSERT INTO cart_line (username, product_id, quantity) VALUES (?, ?, ?)
                ON CONFLICT (username, product_id) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = now()""", actor.username(), productId, quantity);
        if (sql.count("SELECT count(*) FROM cart_line WHERE username = ?", actor.username())
                > settings.maxLinesPerCheckout()) {
            throw new CartFull(settings.maxLinesPerCheckout());
        }
        return view(actor);
    }

    @Override
    @Transactional
    public CartView remove(long productId, Actor actor) {
        Parties.buyerOf(actor);
        sql.update("DELETE FROM cart_line WHERE username = ? AND product_id = ?", actor.username(), productId);
        return view(actor);
    }

    @Override
    @Transactional
    public CartView clear(Actor actor) {
        Parties.buyerOf(actor);
        sql.update("DELETE FROM cart_line WHERE username = ?", actor.username());
        return view(actor);
    }

    @Override
    @Transactional
    public Idempotency.Outcome<CheckoutResult> checkout(
            String deliveryAddress, Channel channel, String idempotencyKey, Actor actor) {
        long buyer = Parties.buyerOf(actor);
        return idempotency.once(
                "user:" + actor.username(),
                idempotencyKey,
                "POST /api/v1/cart/checkout",
                new CartCheckoutRequest(deliveryAddress, channel),
                CheckoutResult.class,
                201,
                () -> {
                    // lock the cart so that a concurrent edit waits for the checkout
                    List<NewCheckout.Line> lines =
                            sql.list("""
                            SELECT product_id, quantity FROM cart_line WHERE username = ? ORDER BY product_id FOR UPDATE""", rs -> new NewCheckout.Line(rs.getLong(1), rs.getInt(2)), actor.username());
                    if (lines.isEmpty()) {
                        throw new CartEmpty();
                    }
                    CheckoutResult result =
                            orders.place(buyer, new NewCheckout(lines, deliveryAddress, channel), actor);
                    sql.update("DELETE FROM cart_line WHERE username = ?", actor.username());
                    return result;
                });
    }

    private List<NewCheckout.Line> lines(Actor actor) {
        return sql.list(
                "SELECT product_id, quantity FROM cart_line WHERE username = ? ORDER BY added_at, product_id",
                rs -> new NewCheckout.Line(rs.getLong(1), rs.getInt(2)),
                actor.username());
    }
}
