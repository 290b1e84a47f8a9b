package cn.huinong.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.UUID;

/**
 * The one Stripe stand-in of the tests: a WireMock server that answers the gateway calls the payments module makes
 * (PaymentIntents: create, confirm, cancel, retrieve; Refunds: create, retrieve, list) the way Stripe would, in the
 * test's words ({@code gateway.declinesCard("pm_card_chargeDeclined")}), and tells what was asked of it.
 *
 * <p>It keeps one current intent id ({@link #intent()}, a fresh one after {@link #nextIntent()}) that the intent
 * answers carry unless a test names another. Answers stay until {@link #reset()}, which forgets them and the requests
 * seen (not the current intent). Amounts are in fen, the currency is {@code cny}.
 */
public final class StripeFake {

    /** The API version of the events the tests sign (Stripe's, as stripe-java expects it). */
    public static final String API_VERSION = "2026-07-29.dahlia";

    private static final String INTENTS = "/v1/payment_intents";
    private static final String REFUNDS = "/v1/refunds";

    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private String intent = newIntentId();

    public StripeFake start() {
        server.start();
        return this;
    }

    public void stop() {
        server.stop();
    }

    /** What the application takes as {@code huinong.payments.api-base}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Forgets every answer and every request seen; the current intent stays. */
    public void reset() {
        server.resetAll();
    }

    /** The id of the intent the gateway creates and answers for. */
    public String intent() {
        return intent;
    }

    /** From now on the gateway creates (and answers for) a new intent; returns its id. */
    public String nextIntent() {
        intent = newIntentId();
        return intent;
    }

    // --- PaymentIntents ---------------------------------------------------------------------------------------------

    /** Every intent creation answers the current intent for {@code amount}, awaiting a payment method. */
    public void createsIntent(long amount) {
        server.stubFor(
                post(urlEqualTo(INTENTS)).willReturn(json(intentJson(intent, amount, "requires_payment_method", 0))));
    }

    /** The first creation fails with a 500 (stripe-java retries it with the same key), the next ones succeed. */
    public void failsOnceThenCreatesIntent(long amount) {
        server.stubFor(post(urlEqualTo(INTENTS))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered")
                .willReturn(error(500, "api_error", "boom")));
        server.stubFor(post(urlEqualTo(INTENTS))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(json(intentJson(intent, amount, "requires_payment_method", 0))));
    }

    /** Creations are answered only after the client's read timeout (1s in the tests): the outcome is unknown. */
    public void createsIntentTooSlowly(long amount) {
        server.stubFor(post(urlEqualTo(INTENTS))
                .willReturn(json(intentJson(intent, amount, "requires_payment_method", 0))
                        .withFixedDelay(2500)));
    }

    /**
     * A creation with {@code idempotencyKey} is a replay (Stripe's {@code Idempotent-Replayed}) of the current intent,
     * now in {@code status}.
     */
    public void replaysIntentCreation(String idempotencyKey, long amount, String status, long paymentId) {
        server.stubFor(post(urlEqualTo(INTENTS))
                .withHeader("Idempotency-Key", equalTo(idempotencyKey))
                .willReturn(
                        json(intentJson(intent, amount, status, paymentId)).withHeader("Idempotent-Replayed", "true")));
    }

    /** Confirming the current intent succeeds, for {@code amount} (the payment's, or a wrong one). */
    public void confirmsIntent(long amount) {
        server.stubFor(post(urlEqualTo(INTENTS + "/" + intent + "/confirm"))
                .willReturn(json(intentJson(intent, amount, "succeeded", 0))));
    }

    /** Confirming the current intent with {@code paymentMethod} is declined (402 card_declined). */
    public void declinesCard(String paymentMethod) {
        server.stubFor(post(urlEqualTo(INTENTS + "/" + intent + "/confirm"))
                .withRequestBody(containing(paymentMethod))
                .willReturn(error(
                        402,
                        "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
                                + "\"decline_code\":\"generic_decline\",\"message\":\"Your card was declined.\"}}")));
    }

    /** Confirming the current intent is refused (400 invalid_request_error, not a decline) with {@code message}. */
    public void refusesConfirmation(String message) {
        server.stubFor(post(urlEqualTo(INTENTS + "/" + intent + "/confirm"))
                .willReturn(error(400, "invalid_request_error", message)));
    }

    /** Cancelling the current intent succeeds. */
    public void cancelsIntent(long amount, long paymentId) {
        server.stubFor(post(urlEqualTo(INTENTS + "/" + intent + "/cancel"))
                .willReturn(json(intentJson(intent, amount, "canceled", paymentId))));
    }

    /** Retrieving the current intent answers it in {@code status} (e.g. paid meanwhile, or still unpaid). */
    public void retrievesIntent(long amount, String status, long paymentId) {
        server.stubFor(get(urlEqualTo(INTENTS + "/" + intent))
                .willReturn(json(intentJson(intent, amount, status, paymentId))));
    }

    /**
     * Many attempts at once: every creation gets an intent of its own, named after its idempotency key
     * ({@code pi_payment-<id>}), and confirming or cancelling any intent succeeds for it.
     */
    public void handlesEveryIntent(long amount) {
        server.stubFor(post(urlEqualTo(INTENTS))
                .willReturn(json(intentJson(
                                "pi_{{request.headers.[Idempotency-Key]}}", amount, "requires_payment_method", 0))
                        .withTransformers("response-template")));
        server.stubFor(post(urlMatching(INTENTS + "/[^/]+/cancel"))
                .willReturn(json(intentJson("{{request.pathSegments.[2]}}", amount, "canceled", 0))
                        .withTransformers("response-template")));
        server.stubFor(post(urlMatching(INTENTS + "/[^/]+/confirm"))
                .willReturn(json(intentJson("{{request.pathSegments.[2]}}", amount, "succeeded", 0))
                        .withTransformers("response-template")));
    }

    // --- Refunds ----------------------------------------------------------------------------------------------------

    /** A refund of the current intent's payment for {@code amount} succeeds at once (id {@code re_<its key>}). */
    public void refundSucceeds(long amount) {
        refunds(amount, "succeeded", null, 0);
    }

    /** A refund for {@code amount} succeeds at once, as gateway refund {@code refundId}. */
    public void refundSucceeds(long amount, String refundId) {
        refunds(amount, "succeeded", refundId, 0);
    }

    /** A refund for {@code amount} is accepted but pending (id {@code re_<its key>}); its outcome comes later. */
    public void refundIsPending(long amount) {
        refunds(amount, "pending", null, 0);
    }

    /** A refund for {@code amount} is accepted but pending, as gateway refund {@code refundId}. */
    public void refundIsPending(long amount, String refundId) {
        refunds(amount, "pending", refundId, 0);
    }

    /** A refund for {@code amount} succeeds, but the answer comes after the client's read timeout. */
    public void refundSucceedsTooSlowly(long amount, String refundId) {
        refunds(amount, "succeeded", refundId, 2500);
    }

    /** Refunds fail with a 500 (the gateway may or may not have made them: the outcome is unknown). */
    public void refundsFailUnknown() {
        server.stubFor(post(urlEqualTo(REFUNDS)).willReturn(error(500, "api_error", "refund trouble")));
    }

    /** Refunds are refused (400 invalid_request_error): certainly not made. */
    public void refusesRefunds() {
        server.stubFor(post(urlEqualTo(REFUNDS)).willReturn(error(400, "invalid_request_error", "refund trouble")));
    }

    /** Listing refunds answers these (JSON of {@link #refundJson}), whatever the intent asked for. */
    public void listsRefunds(String... refunds) {
        server.stubFor(get(urlPathEqualTo(REFUNDS))
                .willReturn(json("{\"object\":\"list\",\"url\":\"/v1/refunds\",\"has_more\":false,\"data\":["
                        + String.join(",", refunds) + "]}")));
    }

    /** Retrieving gateway refund {@code refundId} answers it in {@code status}, for the current intent. */
    public void retrievesRefund(String refundId, long amount, String status) {
        server.stubFor(get(urlEqualTo(REFUNDS + "/" + refundId))
                .willReturn(json(refundJson(refundId, amount, status, intent, null))));
    }

    // --- the gateway down -------------------------------------------------------------------------------------------

    /** Every request fails with a bare 500: nothing is known of any outcome. */
    public void isDown() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    // --- what was asked ---------------------------------------------------------------------------------------------

    /** Intent creations (each with its Idempotency-Key header and form body). */
    public List<LoggedRequest> intentCreations() {
        return server.findAll(postRequestedFor(urlEqualTo(INTENTS)));
    }

    public int confirmations(String intentId) {
        return server.findAll(postRequestedFor(urlEqualTo(INTENTS + "/" + intentId + "/confirm")))
                .size();
    }

    /** Confirmations of any intent: captures asked for. */
    public int confirmationsOfAnyIntent() {
        return server.findAll(postRequestedFor(urlPathMatching(INTENTS + "/.+/confirm")))
                .size();
    }

    public int cancellations(String intentId) {
        return server.findAll(postRequestedFor(urlEqualTo(INTENTS + "/" + intentId + "/cancel")))
                .size();
    }

    public int retrievals(String intentId) {
        return server.findAll(getRequestedFor(urlEqualTo(INTENTS + "/" + intentId)))
                .size();
    }

    /** Every refund request, of any intent. */
    public List<LoggedRequest> refundRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(REFUNDS)));
    }

    /** Refund requests for {@code intentId} (sweeps also send those of payments that earlier tests left). */
    public List<LoggedRequest> refundRequestsOf(String intentId) {
        return server.findAll(
                postRequestedFor(urlEqualTo(REFUNDS)).withRequestBody(containing("payment_intent=" + intentId)));
    }

    /** Lists of the refunds of {@code intentId} asked for. */
    public int refundListings(String intentId) {
        return server.findAll(
                        getRequestedFor(urlPathEqualTo(REFUNDS)).withQueryParam("payment_intent", equalTo(intentId)))
                .size();
    }

    // --- Stripe's objects -------------------------------------------------------------------------------------------

    /** A PaymentIntent in {@code status} (amount received only when succeeded), {@code payment_id} in its metadata. */
    public static String intentJson(String id, long amount, String currency, String status, long paymentId) {
        return """
                {"id":"%s","object":"payment_intent","amount":%d,"amount_received":%d,"currency":"%s",
                 "status":"%s","client_secret":"%s_secret_abc","livemode":false,
                 "metadata":{"payment_id":"%d"}}""".formatted(id, amount, "succeeded".equals(status) ? amount : 0, currency, status, id, paymentId);
    }

    public static String intentJson(String id, long amount, String status, long paymentId) {
        return intentJson(id, amount, "cny", status, paymentId);
    }

    /** A Refund of {@code intent}; {@code refundId} (ours) in its metadata when not null. */
    public static String refundJson(String id, long amount, String status, String intent, Long refundId) {
        return """
                {"id":"%s","object":"refund","amount":%d,"currency":"cny","status":"%s","payment_intent":"%s",
                 "metadata":{%s}}""".formatted(id, amount, status, intent, refundId == null ? "" : "\"refund_id\":\"" + refundId + "\"");
    }

    /** A Charge of {@code intent} refunded in full (it does not say by which refund). */
    public static String refundedChargeJson(String id, long amount, String intent) {
        return """
                {"id":"%s","object":"charge","amount":%d,"amount_refunded":%d,"refunded":true,"currency":"cny",
                 "payment_intent":"%s","status":"succeeded"}""".formatted(id, amount, amount, intent);
    }

    private void refunds(long amount, String status, String refundId, int delayMillis) {
        String id = refundId != null ? refundId : "re_{{request.headers.[Idempotency-Key]}}";
        ResponseDefinitionBuilder answer = json(refundJson(id, amount, status, intent, null));
        if (refundId == null) {
            answer = answer.withTransformers("response-template");
        }
        if (delayMillis > 0) {
            answer = answer.withFixedDelay(delayMillis);
        }
        server.stubFor(post(urlEqualTo(REFUNDS))
                .withRequestBody(containing("amount=" + amount + "&"))
                .willReturn(answer));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return error(status, "{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}");
    }

    private static ResponseDefinitionBuilder error(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static String newIntentId() {
        return "pi_" + UUID.randomUUID().toString().replace("-", "");
    }
}
