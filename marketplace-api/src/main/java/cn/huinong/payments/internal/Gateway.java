package cn.huinong.payments.internal;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The Stripe-compatible gateway through stripe-java. Creation always carries OUR idempotency key, so the library's
 * network retries, a reconciliation and a replayed request all land on the one PaymentIntent.
 */
@Singleton
class Gateway {

    private final StripeClient client;

    Gateway(PaymentSettings settings) {
        this.client = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .build();
    }

    /** Creates (or, with the same key, gets back) the payment's intent. */
    PaymentIntent createIntent(PaymentRow payment) throws StripeException {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(payment.amountFen())
                .setCurrency(payment.currency())
                .addPaymentMethodType("card")
                .putMetadata("order_id", String.valueOf(payment.orderId()))
                .putMetadata("payment_id", String.valueOf(payment.id()))
                .setDescription("惠农集市订单 " + payment.orderId())
                .build();
        return call(() -> client.v1()
                .paymentIntents()
                .create(
                        params,
                        RequestOptions.builder()
                                .setIdempotencyKey(payment.idempotencyKey())
                                .build()));
    }

    PaymentIntent retrieve(String intentId) throws StripeException {
        return call(() -> client.v1().paymentIntents().retrieve(intentId));
    }

    /** Cancels an intent nobody will pay any more (its order expired or was cancelled). */
    PaymentIntent cancel(String intentId) throws StripeException {
        return call(() -> client.v1()
                .paymentIntents()
                .cancel(
                        intentId,
                        PaymentIntentCancelParams.builder()
                                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                                .build()));
    }

    PaymentIntent confirm(String intentId, String paymentMethod) throws StripeException {
        return call(() -> client.v1()
                .paymentIntents()
                .confirm(
                        intentId,
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethod(paymentMethod)
                                .build()));
    }

    /** Refunds part of the intent's charge, keyed {@code refund-<id>} so that a retry never refunds twice. */
    Refund refund(long refundId, String intentId, long amountFen) throws StripeException {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(intentId)
                .setAmount(amountFen)
                .putMetadata("refund_id", String.valueOf(refundId))
                .build();
        return call(() -> client.v1()
                .refunds()
                .create(
                        params,
                        RequestOptions.builder()
                                .setIdempotencyKey("refund-" + refundId)
                                .build()));
    }

    Refund retrieveRefund(String refundId) throws StripeException {
        return call(() -> client.v1().refunds().retrieve(refundId));
    }

    /** The refunds of an intent, to find ours (metadata refund_id) when its creation outcome was never learnt. */
    List<Refund> refundsOf(String intentId) throws StripeException {
        return call(() -> client.v1()
                .refunds()
                .list(RefundListParams.builder()
                        .setPaymentIntent(intentId)
                        .setLimit(100L)
                        .build())
                .getData());
    }

    interface Call<T> {
        T run() throws StripeException;
    }

    /**
     * One gateway call. An answer the library cannot read (an empty 500, a proxy's HTML page: stripe-java then throws
     * runtime exceptions) is a connection failure: its outcome is unknown, never a crash of the request.
     */
    private static <T> T call(Call<T> call) throws StripeException {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw new ApiConnectionException("支付网关的应答无法解读：" + e, e);
        }
    }

    /** Whether the gateway may have done the work anyway (network failure, timeout, 5xx): the outcome is unknown. */
    static boolean unknownOutcome(StripeException e) {
        return e instanceof ApiConnectionException
                || e instanceof ApiException
                || (e.getStatusCode() != null && e.getStatusCode() >= 500);
    }
}
