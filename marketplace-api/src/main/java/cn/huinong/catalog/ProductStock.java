package cn.huinong.catalog;

import java.util.Collection;

/**
 * Stock movements for ordering. Every method joins the caller's transaction (it must have one):
 * a reservation, its order and the refreshed search documents commit or roll back together.
 */
public interface ProductStock {

    /**
     * Takes {@code quantity} units of a LISTED product of an APPROVED supplier with one conditional update
     * (never below zero, whatever the concurrency). False when there are not enough units or the product is
     * not purchasable; nothing changes then. Callers reserving several products go in ascending id order.
     */
    boolean reserve(long productId, int quantity);

    /** Puts {@code quantity} units back (cancellation, expiry), whatever the product's status now. */
    void release(long productId, int quantity);

    /** The units in stock now (0 for an unknown product). */
    int available(long productId);

    /** Rewrites the search documents (stock, inStock) of products whose stock changed, in ascending id order. */
    void stockChanged(Collection<Long> productIds);
}
