package cn.huinong.ordering;

/**
 * An order that was never paid was cancelled by its buyer or expired: nothing may take money for it any more.
 * Published (in process, synchronously) right AFTER that committed, so that the payments module closes its live
 * attempts at once (card intents cancelled, transfers no longer awaited); its scheduled reconciliation backs this up.
 */
public record UnpaidOrderClosed(long orderId) {}
