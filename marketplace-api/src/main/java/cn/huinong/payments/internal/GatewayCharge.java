package cn.huinong.payments.internal;

/** A charge as the gateway describes it: only which intent it belongs to matters to us. */
record GatewayCharge(String id, String paymentIntent) implements GatewayObject {}
