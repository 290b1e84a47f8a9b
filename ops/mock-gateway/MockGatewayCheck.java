// Self-test of the mock gateway with the REAL stripe-java client. Run through ops/mock-gateway/check, which
// fetches stripe-java 33.3.0 + gson, starts the gateway and calls:
//   java -cp stripe-java.jar:gson.jar MockGatewayCheck.java --base URL --webhook-port PORT --webhook-secret whsec_...
// Exits non-zero on the first failure.

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
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
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

public class MockGatewayCheck {
  static int passed = 0;

  static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("FAIL: " + what);
      System.exit(1);
    }
    passed++;
    System.out.println("ok   " + what);
  }

  interface Call { void run() throws Exception; }

  static <E extends StripeException> E expect(Class<E> type, Call call, String what) throws Exception {
    try {
      call.run();
    } catch (StripeException e) {
      if (type.isInstance(e)) return type.cast(e);
      check(false, what + ": expected " + type.getSimpleName() + ", got " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    check(false, what + ": expected " + type.getSimpleName() + ", the call succeeded");
    return null;
  }

  // ---------- webhook receiver ----------
  record Received(Event event, String rawBody, int attempt) {}

  static final List<Received> received = new CopyOnWriteArrayList<>();
  static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  static final List<String> receiverErrors = new CopyOnWriteArrayList<>();
  static volatile boolean refuseFirstSucceeded = true;

  static HttpServer receiver(int port, String secret) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    s.createContext("/webhook", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String sig = ex.getRequestHeaders().getFirst("Stripe-Signature");
      int status = 200;
      try {
        Event ev = Webhook.constructEvent(body, sig, secret);
        int n = attempts.computeIfAbsent(ev.getId(), k -> new AtomicInteger()).incrementAndGet();
        // The first payment_intent.succeeded delivery is answered 503 to see the gateway retry.
        if (refuseFirstSucceeded && ev.getType().equals("payment_intent.succeeded")) {
          refuseFirstSucceeded = false;
          status = 503;
        } else {
          received.add(new Received(ev, body, n));
        }
      } catch (Exception e) {
        receiverErrors.add(e.toString());
        status = 400;
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    s.start();
    return s;
  }

  static Received awaitEvent(String type, String objectId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      for (Received r : received) {
        if (r.event().getType().equals(type) && r.rawBody().contains("\"id\": \"" + objectId + "\"")) return r;
      }
      Thread.sleep(50);
    }
    check(false, "webhook " + type + " for " + objectId + " arrived within 15 s (receiver errors: " + receiverErrors + ")");
    return null;
  }

  static <T extends StripeObject> T dataObject(Received r, Class<T> type, String what) {
    Optional<StripeObject> o = r.event().getDataObjectDeserializer().getObject();
    check(o.isPresent(), what + ": getDataObjectDeserializer().getObject() is present (api_version "
        + r.event().getApiVersion() + " vs library " + Stripe.API_VERSION + ")");
    check(type.isInstance(o.get()), what + ": data.object is a " + type.getSimpleName());
    return type.cast(o.get());
  }

  public static void main(String[] args) throws Exception {
    String base = null, secret = null;
    int webhookPort = 0;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--base" -> base = args[i + 1];
        case "--webhook-port" -> webhookPort = Integer.parseInt(args[i + 1]);
        case "--webhook-secret" -> secret = args[i + 1];
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    System.out.println("stripe-java " + Stripe.VERSION + ", api_version " + Stripe.API_VERSION + ", gateway " + base);
    HttpServer recv = receiver(webhookPort, secret);
    try {
      run(base);
    } finally {
      recv.stop(0);
    }
    System.out.println("PASS: " + passed + " checks");
  }

  static void run(String base) throws Exception {
    StripeClient client = StripeClient.builder().setApiKey("sk_test_huinong_check").setApiBase(base)
        .setMaxNetworkRetries(2).build();

    // --- authentication ---
    StripeClient live = StripeClient.builder().setApiKey("sk_live_nope").setApiBase(base).build();
    AuthenticationException ae = expect(AuthenticationException.class,
        () -> live.v1().paymentIntents().retrieve("pi_x"), "a key not starting with sk_test_ is refused");
    check(ae.getStatusCode() == 401, "401 for a bad key");

    // --- create with an Idempotency-Key ---
    String orderId = "HN-" + UUID.randomUUID();
    PaymentIntentCreateParams create = PaymentIntentCreateParams.builder()
        .setAmount(1000L).setCurrency("cny").setDescription("惠农集市 订单 " + orderId)
        .putMetadata("order_id", orderId).putMetadata("buyer", "demo-buyer")
        .addPaymentMethodType("card").build();
    String key = "order-" + orderId;
    PaymentIntent pi = client.v1().paymentIntents().create(create, RequestOptions.builder().setIdempotencyKey(key).build());
    check(pi.getId().startsWith("pi_"), "created " + pi.getId());
    check("requires_payment_method".equals(pi.getStatus()), "status requires_payment_method");
    check(pi.getClientSecret() != null && pi.getClientSecret().startsWith(pi.getId() + "_secret_"), "client_secret pi_..._secret_...");
    check(orderId.equals(pi.getMetadata().get("order_id")), "metadata[order_id] round-trips");
    check(("惠农集市 订单 " + orderId).equals(pi.getDescription()), "a Chinese description round-trips");
    check(pi.getAmount() == 1000L && "cny".equals(pi.getCurrency()) && !pi.getLivemode(), "amount, currency, livemode");

    PaymentIntent again = client.v1().paymentIntents().create(create, RequestOptions.builder().setIdempotencyKey(key).build());
    check(again.getId().equals(pi.getId()), "same Idempotency-Key + same body -> the same PaymentIntent");
    check("true".equals(again.getLastResponse().headers().firstValue("Idempotent-Replayed").orElse(null)),
        "the replay carries Idempotent-Replayed: true");
    PaymentIntentCreateParams other = PaymentIntentCreateParams.builder().setAmount(2000L).setCurrency("cny")
        .putMetadata("order_id", orderId).addPaymentMethodType("card").build();
    IdempotencyException ie = expect(IdempotencyException.class,
        () -> client.v1().paymentIntents().create(other, RequestOptions.builder().setIdempotencyKey(key).build()),
        "same Idempotency-Key + different body is refused");
    check(ie.getStatusCode() == 400, "idempotency_error is a 400");

    // --- retrieve, 404, 400 ---
    PaymentIntent got = client.v1().paymentIntents().retrieve(pi.getId());
    check(got.getId().equals(pi.getId()) && orderId.equals(got.getMetadata().get("order_id")), "retrieve");
    InvalidRequestException nf = expect(InvalidRequestException.class,
        () -> client.v1().paymentIntents().retrieve("pi_doesnotexist"), "unknown id");
    check(nf.getStatusCode() == 404 && "resource_missing".equals(nf.getCode()), "unknown id -> 404 resource_missing");
    InvalidRequestException pm = expect(InvalidRequestException.class,
        () -> client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setCurrency("cny").build()),
        "missing amount");
    check(pm.getStatusCode() == 400 && "parameter_missing".equals(pm.getCode()) && "amount".equals(pm.getParam()),
        "missing amount -> 400 parameter_missing, param amount");
    HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/v1/payment_intents"))
        .header("Authorization", "Bearer sk_test_raw").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("amount=ten&currency=cny")).build(), HttpResponse.BodyHandlers.ofString());
    check(bad.statusCode() == 400 && bad.body().contains("\"parameter_invalid_integer\""), "amount=ten -> 400 parameter_invalid_integer");

    // --- confirm with a succeeding test card; the webhook is retried after a 503 ---
    PaymentIntent paid = client.v1().paymentIntents().confirm(pi.getId(),
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build(),
        RequestOptions.builder().setIdempotencyKey("confirm-" + orderId).build());
    check("succeeded".equals(paid.getStatus()) && paid.getAmountReceived() == 1000L, "confirm pm_card_visa -> succeeded");
    check(paid.getLatestCharge() != null && paid.getLatestCharge().startsWith("ch_"), "latest_charge is set");
    Received ok = awaitEvent("payment_intent.succeeded", pi.getId());
    check(Stripe.API_VERSION.equals(ok.event().getApiVersion()), "event api_version is " + Stripe.API_VERSION);
    check(ok.attempt() >= 2, "payment_intent.succeeded was redelivered after the receiver answered 503 (attempt " + ok.attempt() + ")");
    PaymentIntent evPi = dataObject(ok, PaymentIntent.class, "payment_intent.succeeded");
    check(evPi.getId().equals(pi.getId()) && orderId.equals(evPi.getMetadata().get("order_id")) && "succeeded".equals(evPi.getStatus()),
        "payment_intent.succeeded carries the PaymentIntent with its metadata");
    check(ok.event().getRequest() != null && ("confirm-" + orderId).equals(ok.event().getRequest().getIdempotencyKey()),
        "event.request.idempotency_key is the confirm's key");
    Charge evCh = dataObject(awaitEvent("charge.succeeded", paid.getLatestCharge()), Charge.class, "charge.succeeded");
    check(evCh.getPaymentIntent().equals(pi.getId()), "charge.succeeded links to the PaymentIntent");
    InvalidRequestException twice = expect(InvalidRequestException.class,
        () -> client.v1().paymentIntents().confirm(pi.getId(), PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build()),
        "confirming a succeeded PaymentIntent");
    check("payment_intent_unexpected_state".equals(twice.getCode()), "confirm twice -> payment_intent_unexpected_state");

    // --- refunds: two partial ones, then an over-refund is refused ---
    Refund r1 = client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).setAmount(300L)
        .putMetadata("order_id", orderId).setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).build(),
        RequestOptions.builder().setIdempotencyKey("refund-1-" + orderId).build());
    check(r1.getId().startsWith("re_") && r1.getAmount() == 300L && "succeeded".equals(r1.getStatus())
        && pi.getId().equals(r1.getPaymentIntent()) && orderId.equals(r1.getMetadata().get("order_id")), "refund 300 succeeded");
    Refund r2 = client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).setAmount(500L).build(),
        RequestOptions.builder().setIdempotencyKey("refund-2-" + orderId).build());
    check(r2.getAmount() == 500L && !r2.getId().equals(r1.getId()), "refund 500 succeeded");
    InvalidRequestException over = expect(InvalidRequestException.class,
        () -> client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).setAmount(201L).build()),
        "refunding 201 of the 200 left");
    check(over.getStatusCode() == 400 && "amount_too_large".equals(over.getCode()), "over-refund -> 400 amount_too_large: " + over.getStripeError().getMessage());
    Refund rest = client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).build());
    check(rest.getAmount() == 200L, "a refund without amount refunds the 200 left");
    InvalidRequestException done = expect(InvalidRequestException.class,
        () -> client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).build()),
        "refunding a fully refunded charge");
    check("charge_already_refunded".equals(done.getCode()), "-> charge_already_refunded");
    Refund evRe = dataObject(awaitEvent("refund.created", r1.getId()), Refund.class, "refund.created");
    check(evRe.getAmount() == 300L, "refund.created carries the Refund");
    long deadline = System.currentTimeMillis() + 10_000;
    List<Charge> refundedCharges = new ArrayList<>();
    while (refundedCharges.size() < 3 && System.currentTimeMillis() < deadline) {
      refundedCharges.clear();
      for (Received r : received) {
        if (r.event().getType().equals("charge.refunded") && r.rawBody().contains(paid.getLatestCharge())) {
          refundedCharges.add(dataObject(r, Charge.class, "charge.refunded"));
        }
      }
      Thread.sleep(50);
    }
    check(refundedCharges.size() == 3, "three charge.refunded events");
    check(refundedCharges.stream().anyMatch(c -> c.getAmountRefunded() == 1000L && c.getRefunded()),
        "the last charge.refunded shows amount_refunded 1000, refunded true");

    // --- refunds listed by PaymentIntent (how a payment module finds a refund whose creation answer it lost) ---
    List<Refund> listed = client.v1().refunds().list(RefundListParams.builder().setPaymentIntent(pi.getId()).setLimit(100L)
        .build()).getData();
    check(listed.size() == 3 && listed.stream().anyMatch(r -> r.getId().equals(r1.getId())
        && orderId.equals(r1.getMetadata().get("order_id"))), "GET /v1/refunds?payment_intent= lists the intent's 3 refunds");
    check(listed.get(0).getId().equals(rest.getId()), "the list is newest first");
    check(client.v1().refunds().list(RefundListParams.builder().setPaymentIntent("pi_none").build()).getData().isEmpty(),
        "no refunds for an unknown intent: an empty list");
    Refund got2 = client.v1().refunds().retrieve(r2.getId());
    check(got2.getAmount() == 500L && "succeeded".equals(got2.getStatus()), "retrieve a refund");

    // --- a refund that fails later (Stripe's refund-fail test card) ---
    PaymentIntent f = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(700L)
        .setCurrency("cny").putMetadata("order_id", orderId + "-f").addPaymentMethodType("card").build());
    client.v1().paymentIntents().confirm(f.getId(), PaymentIntentConfirmParams.builder()
        .setPaymentMethod("pm_card_refundFail").build());
    Refund rf = client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(f.getId())
        .putMetadata("refund_id", "42").build(), RequestOptions.builder().setIdempotencyKey("refund-42-" + orderId).build());
    check("succeeded".equals(rf.getStatus()) && rf.getAmount() == 700L, "refund of a pm_card_refundFail charge: succeeded at first");
    Refund failed = dataObject(awaitEvent("refund.failed", rf.getId()), Refund.class, "refund.failed");
    check("failed".equals(failed.getStatus()) && "expired_or_canceled_card".equals(failed.getFailureReason())
        && "42".equals(failed.getMetadata().get("refund_id")), "refund.failed carries the failed Refund with its metadata");
    Refund updated = dataObject(awaitEvent("refund.updated", rf.getId()), Refund.class, "refund.updated");
    check("failed".equals(updated.getStatus()), "refund.updated says failed");
    dataObject(awaitEvent("charge.refund.updated", rf.getId()), Refund.class, "charge.refund.updated");
    check("failed".equals(client.v1().refunds().retrieve(rf.getId()).getStatus()), "retrieve: the refund is failed");
    Charge fc = client.v1().charges().retrieve(client.v1().paymentIntents().retrieve(f.getId()).getLatestCharge());
    check(fc.getAmountRefunded() == 0L && !fc.getRefunded(), "the failed refund's money is back on the charge");

    // --- a declined test card ---
    PaymentIntent d = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(880L).setCurrency("cny")
        .putMetadata("order_id", orderId + "-d").setAutomaticPaymentMethods(
            PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build()).build());
    CardException ce = expect(CardException.class, () -> client.v1().paymentIntents().confirm(d.getId(),
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_chargeDeclined").build()), "confirm pm_card_chargeDeclined");
    check(ce.getStatusCode() == 402 && "card_declined".equals(ce.getCode()) && "generic_decline".equals(ce.getDeclineCode()),
        "declined -> 402 card_error card_declined / generic_decline");
    check(ce.getCharge() != null && ce.getCharge().startsWith("ch_")
        && ce.getStripeError().getPaymentIntent() != null && d.getId().equals(ce.getStripeError().getPaymentIntent().getId()),
        "the card error names the failed charge and carries the PaymentIntent");
    PaymentIntent dd = client.v1().paymentIntents().retrieve(d.getId());
    check("requires_payment_method".equals(dd.getStatus()) && dd.getLastPaymentError() != null
        && "card_declined".equals(dd.getLastPaymentError().getCode()), "declined PaymentIntent: requires_payment_method + last_payment_error");
    PaymentIntent evFail = dataObject(awaitEvent("payment_intent.payment_failed", d.getId()), PaymentIntent.class, "payment_intent.payment_failed");
    check(evFail.getLastPaymentError() != null, "payment_intent.payment_failed carries last_payment_error");
    PaymentIntent retried = client.v1().paymentIntents().confirm(d.getId(),
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_mastercard").build());
    check("succeeded".equals(retried.getStatus()), "after a decline, another card succeeds");

    // --- cancel ---
    PaymentIntent c = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(50L).setCurrency("cny").build());
    PaymentIntent canceled = client.v1().paymentIntents().cancel(c.getId(),
        PaymentIntentCancelParams.builder().setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build());
    check("canceled".equals(canceled.getStatus()) && "abandoned".equals(canceled.getCancellationReason()), "cancel -> canceled");
    dataObject(awaitEvent("payment_intent.canceled", c.getId()), PaymentIntent.class, "payment_intent.canceled");
    InvalidRequestException cs = expect(InvalidRequestException.class,
        () -> client.v1().paymentIntents().cancel(pi.getId()), "canceling a succeeded PaymentIntent");
    check("payment_intent_unexpected_state".equals(cs.getCode()), "-> payment_intent_unexpected_state");

    // --- every delivered event verified ---
    check(receiverErrors.isEmpty(), "every webhook verified with Webhook.constructEvent (errors: " + receiverErrors + ")");
    for (Received r : received) {
      check(r.event().getDataObjectDeserializer().getObject().isPresent(), r.event().getType() + " " + r.event().getId() + " deserializes");
    }
  }
}
