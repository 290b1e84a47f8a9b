package cn.huinong.ordering;

import cn.huinong.shared.Actor;
import cn.huinong.shared.idempotency.Idempotency;
import io.micronaut.core.annotation.Nullable;

/** A cart per buyer user; checking it out places the orders and empties it in one transaction. */
public interface Carts {

    CartView view(Actor actor);

    /** Sets the quantity of a product (adds the line when missing); the product must be purchasable. */
    CartView put(long productId, int quantity, Actor actor);

    CartView remove(long productId, Actor actor);

    CartView clear(Actor actor);

    /** Checks out the whole cart (409 and nothing changes when any line is short). */
    Idempotency.Outcome<CheckoutResult> checkout(
            String deliveryAddress, @Nullable Channel channel, @Nullable String idempotencyKey, Actor actor);
}
