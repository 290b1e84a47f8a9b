package cn.huinong.payments.internal;

/**
 * What the gateway says about one of its objects, in our own records: stripe-java's types stay inside {@link Gateway}.
 * {@code json} is the gateway's own text of the object, kept for operators when it does not match what we asked for.
 */
sealed interface GatewayObject permits GatewayIntent, GatewayRefund, GatewayCharge {}
