package cn.huinong.payments.internal;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stripe-compatible gateway through stripe-java, and the only place that knows stripe-java: what the gateway
 * answers is translated into our own records ({@link GatewayIntent}, {@link GatewayRefund}, {@link GatewayEvent}) and
 * its failures into {@link GatewayException}. Creation always carries OUR idempotency key, so the library's network
 * retries, a reconciliation and a replayed request all land on the one PaymentIntent.
 */
@Singleton
class Gateway {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final StripeClient client;
    private final String webhookSecret;

    Gateway(PaymentSettings settings) {
        this.webhookSecret = settings.webhookSecret();
        this.client = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase())
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .build();
    }

    /** Creates (or, with the same key, gets back) the payment's intent. */
    GatewayIntent createIntent(PaymentRow payment) throws GatewayException {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(payment.amountFen())
                .setCurrency(payment.currency())
                .addPaymentMethodType("card")
                .putMetadata("order_id", String.valueOf(payment.orderId()))
                .putMetadata("payment_id", String.valueOf(payment.id()))
                .setDescription("惠农集市订单 " + payment.orderId())
                .build();
        return intent(call(() -> client.v1()
                .paymentIntents()
                .create(
                        params,
                        RequestOptions.builder()
                                .setIdempotencyKey(payment.idempotencyKey())
                                .build())));
    }

    GatewayIntent retrieve(String intentId) throws GatewayException {
        return intent(call(() -> client.v1().paymentIntents().retrieve(intentId)));
    }

    /** Cancels an intent nobody will pay any more (its order expired or was cancelled). */
    GatewayIntent cancel(String intentId) throws GatewayException {
        return intent(call(() -> client.v1()
                .paymentIntents()
                .cancel(
                        intentId,
                        PaymentIntentCancelParams.builder()
                                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                                .build())));
    }

    GatewayIntent confirm(String intentId, String paymentMethod) throws GatewayException {
        return intent(call(() -> client.v1()
                .paymentIntents()
                .confirm(
                        intentId,
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethod(paymentMethod)
                                .build())));
    }

    /** Refunds part of the intent's charge, keyed {@code refund-<id>} so that a retry never refunds twice. */
    GatewayRefund refund(long refundId, String intentId, long amountFen) throws GatewayException {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(intentId)
                .setAmount(amountFen)
                .putMetadata("refund_id", String.valueOf(refundId))
                .build();
        return refund(call(() -> client.v1()
                .refunds()
                .create(
                        params,
                        RequestOptions.builder()
                                .setIdempotencyKey("refund-" + refundId)
                                .build())));
    }

    GatewayRefund retrieveRefund(String refundId) throws GatewayException {
        return refund(call(() -> client.v1().refunds().retrieve(refundId)));
    }

    /** The refunds of an intent, to find ours (metadata refund_id) when its creation outcome was never learnt. */
    List<GatewayRefund> refundsOf(String intentId) throws GatewayException {
        return call(() -> client.v1()
                        .refunds()
                        .list(RefundListParams.builder()
                                .setPaymentIntent(intentId)
                                .setLimit(100L)
                                .build())
                        .getData())
                .stream()
                .map(Gateway::refund)
                .toList();
    }

    /**
     * A webhook whose signature (HMAC of the raw body with our secret, within the library's tolerance) holds, with its
     * object translated; empty when the signature is missing, wrong or stale, or the body is not an event.
     */
    Optional<GatewayEvent> verifiedEvent(String rawBody, String signatureHeader) {
        Event event;
        try {
            event = Webhook.constructEvent(rawBody, signatureHeader, webhookSecret);
        } catch (StripeException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new GatewayEvent(
                event.getId(),
                event.getType(),
                objectOf(event).map(Gateway::translate).orElse(null)));
    }

    /** The event's object (PaymentIntent, Refund, Charge ...), empty when it cannot be read. */
    private static Optional<StripeObject> objectOf(Event event) {
        Optional<StripeObject> object = event.getDataObjectDeserializer().getObject();
        if (object.isEmpty()) {
            try {
                object = Optional.of(event.getDataObjectDeserializer().deserializeUnsafe());
            } catch (Exception e) {
                LOG.warn("webhook {}: cannot read the object: {}", event.getId(), e.toString());
                return Optional.empty();
            }
        }
        return object;
    }

    /** Our record of an event's object; null for kinds we do not read. */
    private static GatewayObject translate(StripeObject object) {
        if (object instanceof PaymentIntent pi) {
            return intent(pi);
        }
        if (object instanceof Refund re) {
            return refund(re);
        }
        if (object instanceof Charge ch) {
            return new GatewayCharge(ch.getId(), ch.getPaymentIntent());
        }
        return null;
    }

    private static GatewayIntent intent(PaymentIntent pi) {
        return new GatewayIntent(
                pi.getId(),
                pi.getStatus(),
                pi.getAmount(),
                pi.getAmountReceived(),
                pi.getCurrency(),
                pi.getClientSecret(),
                pi.getMetadata(),
                pi.getLastPaymentError() == null
                        ? null
                        : pi.getLastPaymentError().getMessage(),
                pi.getLastPaymentError() != null,
                pi.toJson());
    }

    private static GatewayRefund refund(Refund re) {
        return new GatewayRefund(
                re.getId(),
                re.getStatus(),
                re.getPaymentIntent(),
                re.getAmount(),
                re.getCurrency(),
                re.getFailureReason(),
                re.getMetadata(),
                re.toJson());
    }

    interface Call<T> {
        T run() throws StripeException;
    }

    /**
     * One gateway call. An answer the library cannot read (an empty 500, a proxy's HTML page: stripe-java then throws
     * runtime exceptions) is a connection failure: its outcome is unknown, never a crash of the request.
     */
    private static <T> T call(Call<T> call) throws GatewayException {
        try {
            return call.run();
        } catch (StripeException e) {
            throw translate(e);
        } catch (RuntimeException e) {
            throw translate(new ApiConnectionException("支付网关的应答无法解读：" + e, e));
        }
    }

    private static GatewayException translate(StripeException e) {
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage()
                : e.getMessage();
        if (e instanceof CardException) {
            message = e.getStripeError() == null
                    ? e.getMessage()
                    : e.getStripeError().getMessage();
        }
        return new GatewayException(e.toString(), message, unknownOutcome(e), e instanceof CardException, e);
    }

    /** Whether the gateway may have done the work anyway (network failure, timeout, 5xx): the outcome is unknown. */
    private static boolean unknownOutcome(StripeException e) {
        return e instanceof ApiConnectionException
                || e instanceof ApiException
                || (e.getStatusCode() != null && e.getStatusCode() >= 500);
    }
}
