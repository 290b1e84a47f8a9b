package cn.huinong.payments;

/** How a buyer unit pays: by card through the gateway, or by bank transfer (对公转账) confirmed by the supplier. */
public enum PaymentMethod {
    CARD,
    BANK_TRANSFER
}
