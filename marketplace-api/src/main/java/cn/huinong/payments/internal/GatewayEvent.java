package cn.huinong.payments.internal;

/** A verified webhook event; {@code object} is null when it is of no kind we read (or cannot be read). */
record GatewayEvent(String id, String type, GatewayObject object) {}
