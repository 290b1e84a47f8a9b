package cn.huinong.ordering;

import java.util.List;
import java.util.Map;

/**
 * The payments of an order as {@code GET /orders/{id}} shows them. Implemented by the payments module (which depends
 * on ordering, not the other way round) and read by ordering's web layer only, which adds them to the views it
 * answers with: the facade and the port never call it. Without an implementation the list stays empty.
 */
public interface OrderPaymentsView {

    List<Map<String, Object>> payments(long orderId);
}
