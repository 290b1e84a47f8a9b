// A mock Stripe-compatible payment gateway for the Huinong Market demo and scripts.
// JDK only, single-file source launch (no build step):
//   java ops/mock-gateway/MockGateway.java --port 12111 \
//     --webhook-url http://127.0.0.1:8080/api/v1/payments/webhook --webhook-secret whsec_...
// Speaks enough of Stripe's v1 API for stripe-java 33.3.0 (see README.md next to this file).
// State lives in memory only; a restart forgets everything.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class MockGateway {

  /** The api_version stripe-java 33.3.0 pins (com.stripe.Stripe.API_VERSION). Events carry it so
   * that Event.getDataObjectDeserializer().getObject() is not empty on the receiving side. */
  static final String API_VERSION = "2026-07-29.dahlia";

  /** Webhook delivery attempts and the pause before each retry (ms). Stripe retries for days; we stop after ~30 s. */
  static final long[] RETRY_DELAYS_MS = {500, 1000, 2000, 4000, 8000, 15000};

  // ---------- configuration ----------
  final int port;
  final String host;
  final String webhookUrl; // null: events are recorded but not delivered
  final String webhookSecret;

  // ---------- state (guarded by `this`) ----------
  final Map<String, Map<String, Object>> paymentIntents = new HashMap<>();
  final Map<String, Map<String, Object>> charges = new HashMap<>();
  final Map<String, Map<String, Object>> refunds = new LinkedHashMap<>(); // in creation order, for the list
  final Map<String, Map<String, Object>> events = new LinkedHashMap<>();
  final Map<String, Stored> idempotency = new HashMap<>();

  record Stored(String fingerprint, int status, String body) {}

  final ScheduledExecutorService deliveries = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "webhook-delivery");
    t.setDaemon(true);
    return t;
  });
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  static final SecureRandom RANDOM = new SecureRandom();

  MockGateway(String host, int port, String webhookUrl, String webhookSecret) {
    this.host = host;
    this.port = port;
    this.webhookUrl = webhookUrl;
    this.webhookSecret = webhookSecret;
  }

  public static void main(String[] args) throws Exception {
    int port = 12111;
    String host = "127.0.0.1", url = null, secret = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--port" -> { port = Integer.parseInt(v); i++; }
        case "--host" -> { host = v; i++; }
        case "--webhook-url" -> { url = v; i++; }
        case "--webhook-secret" -> { secret = v; i++; }
        case "-h", "--help" -> {
          System.out.println("usage: java MockGateway.java [--host 127.0.0.1] [--port 12111] [--webhook-url URL --webhook-secret whsec_...]");
          return;
        }
        default -> { System.err.println("unknown argument: " + a); System.exit(2); }
      }
    }
    if (url != null && (secret == null || secret.isEmpty())) {
      System.err.println("--webhook-url needs --webhook-secret");
      System.exit(2);
    }
    new MockGateway(host, port, url, secret).start();
  }

  void start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    log("mock gateway listening on http://" + host + ":" + port + " api_version=" + API_VERSION
        + " webhooks=" + (webhookUrl == null ? "off" : webhookUrl));
  }

  // ---------- HTTP plumbing ----------

  /** An error in Stripe's shape. `keep` says whether an Idempotency-Key remembers it (Stripe does not
   * keep results of requests that failed validation before the endpoint ran). */
  static final class ApiError extends RuntimeException {
    final int status;
    final String type, code, param, declineCode;
    final boolean keep;
    Map<String, Object> paymentIntent; // card errors carry the PaymentIntent, like Stripe
    String charge; // ... and the failed Charge's id

    ApiError(int status, String type, String code, String param, String message, boolean keep) {
      this(status, type, code, param, message, keep, null);
    }

    ApiError(int status, String type, String code, String param, String message, boolean keep, String declineCode) {
      super(message);
      this.status = status;
      this.type = type;
      this.code = code;
      this.param = param;
      this.keep = keep;
      this.declineCode = declineCode;
    }

    String json() {
      Map<String, Object> e = new LinkedHashMap<>();
      if (charge != null) e.put("charge", charge);
      if (code != null) e.put("code", code);
      if (declineCode != null) e.put("decline_code", declineCode);
      if (code != null) e.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
      e.put("message", getMessage());
      if (param != null) e.put("param", param);
      if (paymentIntent != null) e.put("payment_intent", paymentIntent);
      e.put("request_log_url", null);
      e.put("type", type);
      return Json.write(Map.of("error", e));
    }
  }

  static ApiError missing(String param) {
    return new ApiError(400, "invalid_request_error", "parameter_missing", param, "Missing required param: " + param + ".", false);
  }

  static ApiError invalid(String param, String message) {
    return new ApiError(400, "invalid_request_error", "parameter_invalid_integer", param, message, false);
  }

  static ApiError noSuch(String what, String param, String id) {
    return new ApiError(404, "invalid_request_error", "resource_missing", param, "No such " + what + ": '" + id + "'", true);
  }

  static ApiError unexpectedState(String message) {
    return new ApiError(400, "invalid_request_error", "payment_intent_unexpected_state", null, message, true);
  }

  void handle(HttpExchange ex) throws IOException {
    long t0 = System.nanoTime();
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    if (ex.getRequestURI().getRawQuery() != null && ex.getRequestMethod().equals("GET")) {
      path = path + "?" + ex.getRequestURI().getRawQuery();
    }
    String idemKey = ex.getRequestHeaders().getFirst("Idempotency-Key");
    String requestId = "req_" + randomId(14);
    int status;
    String body;
    boolean replayed = false;
    try {
      String raw = new String(readAll(ex.getRequestBody()), StandardCharsets.UTF_8);
      if (path.equals("/__health")) {
        status = 200;
        body = "{\"status\":\"ok\",\"api_version\":\"" + API_VERSION + "\"}";
      } else {
        checkAuth(ex.getRequestHeaders().getFirst("Authorization"));
        if (method.equals("POST") && idemKey != null && !idemKey.isEmpty()) {
          String fingerprint = method + " " + path + "\n" + Form.parse(raw).canonical();
          synchronized (this) { // one request per key at a time; the endpoints lock `this` anyway
          Stored hit = idempotency.get(idemKey);
          if (hit != null) {
            if (!hit.fingerprint().equals(fingerprint)) {
              throw new ApiError(400, "idempotency_error", null, null,
                  "Keys for idempotent requests can only be used with the same parameters they were first used with. "
                      + "Try using a key other than '" + idemKey + "' if you meant to execute a different request.", false);
            }
            status = hit.status();
            body = hit.body();
            replayed = true;
          } else {
            Object[] r = dispatchKeeping(method, path, raw, requestId, idemKey);
            status = (Integer) r[0];
            body = (String) r[1];
            if ((Boolean) r[2]) idempotency.put(idemKey, new Stored(fingerprint, status, body));
          }
          }
        } else {
          Object[] r = dispatchKeeping(method, path, raw, requestId, idemKey);
          status = (Integer) r[0];
          body = (String) r[1];
        }
      }
    } catch (ApiError e) {
      status = e.status;
      body = e.json();
    } catch (RuntimeException e) {
      status = 500;
      body = new ApiError(500, "api_error", null, null, "Mock gateway failure: " + e, false).json();
      e.printStackTrace();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("Request-Id", requestId);
    ex.getResponseHeaders().set("Stripe-Version", API_VERSION);
    if (replayed) ex.getResponseHeaders().set("Idempotent-Replayed", "true");
    if (idemKey != null) ex.getResponseHeaders().set("Idempotency-Key", idemKey);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) { os.write(bytes); }
    log(String.format(Locale.ROOT, "%s %s %d %dms%s%s", method, path, status, (System.nanoTime() - t0) / 1_000_000,
        idemKey == null ? "" : " idem=" + idemKey, replayed ? " replayed" : ""));
  }

  /** Runs the endpoint; returns {status, body, keepForIdempotency}. */
  Object[] dispatchKeeping(String method, String path, String raw, String requestId, String idemKey) {
    if (method.equals("GET") && path.contains("?")) { // GET parameters come in the query string
      raw = path.substring(path.indexOf('?') + 1);
      path = path.substring(0, path.indexOf('?'));
    }
    try {
      Map<String, Object> obj = dispatch(method, path, Form.parse(raw), new Req(requestId, idemKey));
      return new Object[] {200, Json.write(obj), true};
    } catch (ApiError e) {
      return new Object[] {e.status, e.json(), e.keep};
    }
  }

  record Req(String id, String idempotencyKey) {}

  void checkAuth(String header) {
    if (header != null && header.startsWith("Basic ")) { // curl -u sk_test_...: as in Stripe's docs
      String user = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      header = "Bearer " + (user.contains(":") ? user.substring(0, user.indexOf(':')) : user);
    }
    if (header == null || !header.startsWith("Bearer ")) {
      throw new ApiError(401, "invalid_request_error", "api_key_missing", null,
          "You did not provide an API key. You need to provide your API key in the Authorization header, "
              + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').", false);
    }
    String key = header.substring(7).trim();
    if (!key.startsWith("sk_test_") || key.length() <= 8) {
      String shown = key.length() > 8 ? key.substring(0, Math.min(8, key.length())) + "****" + key.substring(key.length() - 4) : key;
      throw new ApiError(401, "invalid_request_error", "api_key_invalid", null,
          "Invalid API Key provided: " + shown + " (the mock gateway accepts any key starting with sk_test_)", false);
    }
  }

  static final Pattern PI = Pattern.compile("/v1/payment_intents/([^/]+)");
  static final Pattern PI_ACTION = Pattern.compile("/v1/payment_intents/([^/]+)/(confirm|cancel)");
  static final Pattern CHARGE = Pattern.compile("/v1/charges/([^/]+)");
  static final Pattern REFUND = Pattern.compile("/v1/refunds/([^/]+)");
  static final Pattern EVENT = Pattern.compile("/v1/events/([^/]+)");

  synchronized Map<String, Object> dispatch(String method, String path, Form f, Req req) {
    Matcher m;
    if (method.equals("POST")) {
      if (path.equals("/v1/payment_intents")) return createPaymentIntent(f, req);
      if ((m = PI_ACTION.matcher(path)).matches()) {
        return m.group(2).equals("confirm") ? confirm(m.group(1), f, req) : cancel(m.group(1), f, req);
      }
      if (path.equals("/v1/refunds")) return createRefund(f, req);
    } else if (method.equals("GET")) {
      if ((m = PI.matcher(path)).matches()) return copy(find(paymentIntents, "payment_intent", "intent", m.group(1)));
      if ((m = CHARGE.matcher(path)).matches()) return copy(find(charges, "charge", "id", m.group(1)));
      if (path.equals("/v1/refunds")) return listRefunds(f);
      if ((m = REFUND.matcher(path)).matches()) return copy(find(refunds, "refund", "refund", m.group(1)));
      if ((m = EVENT.matcher(path)).matches()) return copy(find(events, "event", "id", m.group(1)));
    }
    throw new ApiError(404, "invalid_request_error", null, null,
        "Unrecognized request URL (" + method + ": " + path + "). The mock gateway supports POST /v1/payment_intents, "
            + "GET /v1/payment_intents/{id}, POST /v1/payment_intents/{id}/confirm|cancel, POST /v1/refunds, "
            + "GET /v1/refunds?payment_intent=|charge=, GET /v1/refunds/{id}, GET /v1/charges/{id}, GET /v1/events/{id}.",
        false);
  }

  static Map<String, Object> find(Map<String, Map<String, Object>> store, String what, String param, String id) {
    Map<String, Object> o = store.get(id);
    if (o == null) throw noSuch(what, param, id);
    return o;
  }

  // ---------- PaymentIntents ----------

  Map<String, Object> createPaymentIntent(Form f, Req req) {
    long amount = f.requiredPositiveLong("amount");
    String currency = f.required("currency").toLowerCase(Locale.ROOT);
    if (!currency.matches("[a-z]{3}")) {
      throw new ApiError(400, "invalid_request_error", "parameter_invalid_string", "currency", "Invalid currency: " + currency + ".", false);
    }
    String id = "pi_" + randomId(24);
    Map<String, Object> pi = new LinkedHashMap<>();
    pi.put("id", id);
    pi.put("object", "payment_intent");
    pi.put("amount", amount);
    pi.put("amount_capturable", 0L);
    pi.put("amount_received", 0L);
    pi.put("application", null);
    boolean automatic = "true".equals(f.get("automatic_payment_methods[enabled]"));
    pi.put("automatic_payment_methods", automatic ? new LinkedHashMap<>(Map.of("allow_redirects", "always", "enabled", true)) : null);
    pi.put("canceled_at", null);
    pi.put("cancellation_reason", null);
    pi.put("capture_method", "automatic");
    pi.put("client_secret", id + "_secret_" + randomId(25));
    pi.put("confirmation_method", "automatic");
    pi.put("created", now());
    pi.put("currency", currency);
    pi.put("customer", f.get("customer"));
    pi.put("description", f.get("description"));
    pi.put("last_payment_error", null);
    pi.put("latest_charge", null);
    pi.put("livemode", false);
    pi.put("metadata", f.hash("metadata"));
    pi.put("next_action", null);
    pi.put("payment_method", null);
    List<String> types = f.list("payment_method_types");
    pi.put("payment_method_types", types.isEmpty() ? new ArrayList<>(List.of("card")) : types);
    pi.put("receipt_email", f.get("receipt_email"));
    pi.put("statement_descriptor", f.get("statement_descriptor"));
    pi.put("status", "requires_payment_method");
    String pm = f.get("payment_method");
    if (pm != null) {
      checkPaymentMethod(pm);
      pi.put("payment_method", pm);
      pi.put("status", "requires_confirmation");
    }
    paymentIntents.put(id, pi);
    emit("payment_intent.created", pi, req);
    if ("true".equals(f.get("confirm"))) return confirm(id, f.without("payment_method"), req);
    return copy(pi);
  }

  static final Map<String, String[]> DECLINES = Map.of(
      // payment method -> {code, decline_code, message}
      "pm_card_chargeDeclined", new String[] {"card_declined", "generic_decline", "Your card was declined."},
      "pm_card_visa_chargeDeclined", new String[] {"card_declined", "generic_decline", "Your card was declined."},
      "pm_card_chargeDeclinedInsufficientFunds", new String[] {"card_declined", "insufficient_funds", "Your card has insufficient funds."},
      "pm_card_visa_chargeDeclinedInsufficientFunds", new String[] {"card_declined", "insufficient_funds", "Your card has insufficient funds."},
      "pm_card_chargeDeclinedFraudulent", new String[] {"card_declined", "fraudulent", "Your card was declined."},
      "pm_card_chargeDeclinedLostCard", new String[] {"card_declined", "lost_card", "Your card was declined."},
      "pm_card_chargeDeclinedStolenCard", new String[] {"card_declined", "stolen_card", "Your card was declined."},
      "pm_card_chargeDeclinedExpiredCard", new String[] {"expired_card", "expired_card", "Your card has expired."},
      "pm_card_chargeDeclinedIncorrectCvc", new String[] {"incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."},
      "pm_card_chargeDeclinedProcessingError", new String[] {"processing_error", "processing_error", "An error occurred while processing your card. Try again in a little bit."});

  static void checkPaymentMethod(String pm) {
    // Stripe's test PaymentMethods: pm_card_visa, pm_card_mastercard, pm_card_cn (China UnionPay) ... all succeed,
    // the pm_card_chargeDeclined* family declines. Anything else is unknown to this account.
    if (!pm.startsWith("pm_card_")) throw noSuch("PaymentMethod", "payment_method", pm);
  }

  Map<String, Object> confirm(String id, Form f, Req req) {
    Map<String, Object> pi = find(paymentIntents, "payment_intent", "intent", id);
    String status = (String) pi.get("status");
    if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")) {
      throw unexpectedState("You cannot confirm this PaymentIntent because it has a status of " + status
          + ". Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method.");
    }
    String pm = f.get("payment_method");
    if (pm == null) pm = (String) pi.get("payment_method");
    if (pm == null) {
      throw unexpectedState("You cannot confirm this PaymentIntent because it's missing a payment method. "
          + "To confirm the PaymentIntent with " + id + ", specify a payment method attached to this customer along with the customer ID.");
    }
    checkPaymentMethod(pm);
    if (f.get("receipt_email") != null) pi.put("receipt_email", f.get("receipt_email"));
    pi.put("payment_method", pm);
    long amount = (Long) pi.get("amount");
    String chargeId = "ch_" + randomId(24);
    String[] decline = DECLINES.get(pm);
    Map<String, Object> ch = new LinkedHashMap<>();
    ch.put("id", chargeId);
    ch.put("object", "charge");
    ch.put("amount", amount);
    ch.put("amount_captured", decline == null ? amount : 0L);
    ch.put("amount_refunded", 0L);
    ch.put("balance_transaction", decline == null ? "txn_" + randomId(24) : null);
    ch.put("captured", decline == null);
    ch.put("created", now());
    ch.put("currency", pi.get("currency"));
    ch.put("customer", pi.get("customer"));
    ch.put("description", pi.get("description"));
    ch.put("failure_code", decline == null ? null : decline[0]);
    ch.put("failure_message", decline == null ? null : decline[2]);
    ch.put("livemode", false);
    ch.put("metadata", copy(pi.get("metadata")));
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("network_status", decline == null ? "approved_by_network" : "declined_by_network");
    outcome.put("reason", decline == null ? null : decline[1]);
    outcome.put("risk_level", "normal");
    outcome.put("seller_message", decline == null ? "Payment complete." : "The bank did not return any further details with this decline.");
    outcome.put("type", decline == null ? "authorized" : "issuer_declined");
    ch.put("outcome", outcome);
    ch.put("paid", decline == null);
    ch.put("payment_intent", id);
    ch.put("payment_method", pm);
    ch.put("refunded", false);
    ch.put("status", decline == null ? "succeeded" : "failed");
    charges.put(chargeId, ch);
    pi.put("latest_charge", chargeId);
    if (decline == null) {
      pi.put("status", "succeeded");
      pi.put("amount_received", amount);
      pi.put("last_payment_error", null);
      emit("charge.succeeded", ch, req);
      emit("payment_intent.succeeded", pi, req);
      return copy(pi);
    }
    Map<String, Object> lpe = new LinkedHashMap<>();
    lpe.put("charge", chargeId);
    lpe.put("code", decline[0]);
    lpe.put("decline_code", decline[1]);
    lpe.put("doc_url", "https://stripe.com/docs/error-codes/" + decline[0].replace('_', '-'));
    lpe.put("message", decline[2]);
    lpe.put("payment_method", new LinkedHashMap<>(Map.of("id", pm, "object", "payment_method", "type", "card")));
    lpe.put("type", "card_error");
    pi.put("last_payment_error", lpe);
    pi.put("payment_method", null);
    pi.put("status", "requires_payment_method");
    emit("charge.failed", ch, req);
    emit("payment_intent.payment_failed", pi, req);
    // Like Stripe: the confirm call itself fails with 402 card_error, carrying the PaymentIntent.
    ApiError e = new ApiError(402, "card_error", decline[0], null, decline[2], true, decline[1]);
    e.paymentIntent = copy(pi);
    e.charge = chargeId;
    throw e;
  }

  Map<String, Object> cancel(String id, Form f, Req req) {
    Map<String, Object> pi = find(paymentIntents, "payment_intent", "intent", id);
    String status = (String) pi.get("status");
    if (status.equals("succeeded") || status.equals("canceled")) {
      throw unexpectedState("You cannot cancel this PaymentIntent because it has a status of " + status
          + ". Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, "
          + "requires_capture, requires_confirmation, requires_action, processing.");
    }
    String reason = f.get("cancellation_reason");
    if (reason != null && !List.of("duplicate", "fraudulent", "requested_by_customer", "abandoned").contains(reason)) {
      throw new ApiError(400, "invalid_request_error", "parameter_invalid_string", "cancellation_reason",
          "Invalid cancellation_reason: must be one of duplicate, fraudulent, requested_by_customer, or abandoned", false);
    }
    pi.put("status", "canceled");
    pi.put("canceled_at", now());
    pi.put("cancellation_reason", reason);
    emit("payment_intent.canceled", pi, req);
    return copy(pi);
  }

  // ---------- Refunds ----------

  Map<String, Object> createRefund(Form f, Req req) {
    String piId = f.get("payment_intent"), chargeId = f.get("charge");
    if (piId == null && chargeId == null) {
      throw new ApiError(400, "invalid_request_error", "parameter_missing", null,
          "One of the following params should be provided for this request: payment_intent or charge.", false);
    }
    Long amountParam = f.has("amount") ? f.requiredPositiveLong("amount") : null;
    String reason = f.get("reason");
    if (reason != null && !List.of("duplicate", "fraudulent", "requested_by_customer").contains(reason)) {
      throw new ApiError(400, "invalid_request_error", "parameter_invalid_string", "reason",
          "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", false);
    }
    Map<String, Object> ch;
    if (piId != null) {
      Map<String, Object> pi = find(paymentIntents, "payment_intent", "payment_intent", piId);
      if (!"succeeded".equals(pi.get("status"))) {
        throw new ApiError(400, "invalid_request_error", "charge_not_refundable", "payment_intent",
            "This PaymentIntent (" + piId + ") does not have a successful charge to refund.", true);
      }
      ch = charges.get((String) pi.get("latest_charge"));
    } else {
      ch = find(charges, "charge", "charge", chargeId);
      if (!"succeeded".equals(ch.get("status"))) {
        throw new ApiError(400, "invalid_request_error", "charge_not_refundable", "charge",
            "Charge " + chargeId + " has not been captured or has failed and cannot be refunded.", true);
      }
    }
    long captured = (Long) ch.get("amount_captured"), refunded = (Long) ch.get("amount_refunded");
    long left = captured - refunded;
    if (left <= 0) {
      throw new ApiError(400, "invalid_request_error", "charge_already_refunded", null,
          "Charge " + ch.get("id") + " has already been refunded.", true);
    }
    long amount = amountParam == null ? left : amountParam;
    if (amount > left) {
      throw new ApiError(400, "invalid_request_error", "amount_too_large", "amount",
          "Refund amount (" + money(amount, ch) + ") is greater than unrefunded amount on charge (" + money(left, ch) + ")", true);
    }
    Map<String, Object> re = new LinkedHashMap<>();
    re.put("id", "re_" + randomId(24));
    re.put("object", "refund");
    re.put("amount", amount);
    re.put("balance_transaction", "txn_" + randomId(24));
    re.put("charge", ch.get("id"));
    re.put("created", now());
    re.put("currency", ch.get("currency"));
    re.put("destination_details", null);
    re.put("metadata", f.hash("metadata"));
    re.put("payment_intent", ch.get("payment_intent"));
    re.put("reason", reason);
    re.put("receipt_number", null);
    re.put("source_transfer_reversal", null);
    re.put("failure_reason", null);
    re.put("status", "succeeded");
    re.put("transfer_reversal", null);
    refunds.put((String) re.get("id"), re);
    if (REFUND_FAILS.contains(String.valueOf(ch.get("payment_method")))) {
      // like Stripe's refund-fail test card: succeeded at first, failed a moment later
      String reId = (String) re.get("id");
      deliveries.schedule(() -> failRefund(reId, req), REFUND_FAIL_AFTER_MS, TimeUnit.MILLISECONDS);
    }
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("amount_refunded", refunded);
    before.put("refunded", ch.get("refunded"));
    ch.put("amount_refunded", refunded + amount);
    ch.put("refunded", refunded + amount == captured);
    emit("refund.created", re, req);
    emit("charge.refunded", ch, req, before);
    return copy(re);
  }

  /** Charges paid with these test cards have every refund fail after REFUND_FAIL_AFTER_MS (Stripe: 4000000000005126). */
  static final List<String> REFUND_FAILS = List.of("pm_card_refundFail", "pm_card_visa_refundFail");
  static final long REFUND_FAIL_AFTER_MS = 1000;

  /** The refund fails: the money goes back on the charge; refund.updated, refund.failed and charge.refund.updated. */
  synchronized void failRefund(String refundId, Req req) {
    Map<String, Object> re = refunds.get(refundId);
    if (re == null || !"succeeded".equals(re.get("status"))) return;
    Map<String, Object> previous = new LinkedHashMap<>();
    previous.put("failure_reason", null);
    previous.put("status", re.get("status"));
    re.put("status", "failed");
    re.put("failure_reason", "expired_or_canceled_card");
    re.put("failure_balance_transaction", "txn_" + randomId(24));
    Map<String, Object> ch = charges.get((String) re.get("charge"));
    if (ch != null) {
      long refunded = (Long) ch.get("amount_refunded") - (Long) re.get("amount");
      ch.put("amount_refunded", refunded);
      ch.put("refunded", false);
    }
    emit("refund.updated", re, req, previous);
    emit("refund.failed", re, req, previous);
    emit("charge.refund.updated", re, req, previous);
  }

  /** GET /v1/refunds?payment_intent=...|charge=...&limit=...: newest first, like Stripe's list. */
  Map<String, Object> listRefunds(Form f) {
    String pi = f.get("payment_intent"), charge = f.get("charge");
    long limit = f.has("limit") ? f.requiredPositiveLong("limit") : 10;
    if (limit > 100) throw invalid("limit", "This value must be less than or equal to 100.");
    List<Map<String, Object>> data = new ArrayList<>();
    for (Map<String, Object> re : refunds.values()) {
      if ((pi == null || pi.equals(re.get("payment_intent"))) && (charge == null || charge.equals(re.get("charge")))) {
        data.add(0, copy(re));
      }
    }
    boolean more = data.size() > limit;
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("object", "list");
    list.put("data", new ArrayList<>(data.subList(0, (int) Math.min(limit, data.size()))));
    list.put("has_more", more);
    list.put("url", "/v1/refunds");
    return list;
  }

  static String money(long minor, Map<String, Object> ch) {
    String cur = String.valueOf(ch.get("currency")).toUpperCase(Locale.ROOT);
    return String.format(Locale.ROOT, "%s %d.%02d", cur, minor / 100, minor % 100);
  }

  // ---------- Events and webhook delivery ----------

  void emit(String type, Map<String, Object> object, Req req) {
    emit(type, object, req, null);
  }

  void emit(String type, Map<String, Object> object, Req req, Map<String, Object> previousAttributes) {
    Map<String, Object> ev = new LinkedHashMap<>();
    String id = "evt_" + randomId(24);
    ev.put("id", id);
    ev.put("object", "event");
    ev.put("api_version", API_VERSION);
    ev.put("created", now());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("object", copy(object));
    if (previousAttributes != null) data.put("previous_attributes", previousAttributes);
    ev.put("data", data);
    ev.put("livemode", false);
    ev.put("pending_webhooks", webhookUrl == null ? 0 : 1);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("id", req.id());
    request.put("idempotency_key", req.idempotencyKey());
    ev.put("request", request);
    ev.put("type", type);
    events.put(id, ev);
    if (webhookUrl != null) {
      String payload = Json.write(ev);
      deliveries.execute(() -> deliver(id, type, payload, 0));
    }
  }

  void deliver(String eventId, String type, String payload, int attempt) {
    String outcome;
    try {
      long t = Instant.now().getEpochSecond(); // signed at each attempt, like Stripe
      HttpRequest rq = HttpRequest.newBuilder(URI.create(webhookUrl))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json; charset=utf-8")
          .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
          .header("Stripe-Signature", "t=" + t + ",v1=" + sign(t + "." + payload, webhookSecret))
          .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
          .build();
      HttpResponse<String> rs = http.send(rq, HttpResponse.BodyHandlers.ofString());
      if (rs.statusCode() / 100 == 2) {
        log("webhook " + type + " " + eventId + " delivered -> " + rs.statusCode() + " (attempt " + (attempt + 1) + ")");
        return;
      }
      outcome = "HTTP " + rs.statusCode();
    } catch (IOException | RuntimeException e) {
      outcome = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (attempt < RETRY_DELAYS_MS.length) {
      log("webhook " + type + " " + eventId + " failed (" + outcome + "), retry in " + RETRY_DELAYS_MS[attempt] + "ms");
      deliveries.schedule(() -> deliver(eventId, type, payload, attempt + 1), RETRY_DELAYS_MS[attempt], TimeUnit.MILLISECONDS);
    } else {
      log("webhook " + type + " " + eventId + " GAVE UP after " + (attempt + 1) + " attempts (" + outcome + ")");
    }
  }

  static String sign(String signedPayload, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] h = mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : h) sb.append(String.format("%02x", b));
      return sb.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------- helpers ----------

  static long now() { return Instant.now().getEpochSecond(); }

  static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  static String randomId(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
    return sb.toString();
  }

  /** A deep copy, so responses and event snapshots do not change with later state. */
  @SuppressWarnings("unchecked")
  static <T> T copy(T o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> c = new LinkedHashMap<>();
      m.forEach((k, v) -> c.put((String) k, copy(v)));
      return (T) c;
    }
    if (o instanceof List<?> l) {
      List<Object> c = new ArrayList<>();
      l.forEach(v -> c.add(copy(v)));
      return (T) c;
    }
    return o;
  }

  static byte[] readAll(InputStream in) throws IOException {
    try (in) { return in.readAllBytes(); }
  }

  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  static void log(String line) {
    System.out.println(TS.format(Instant.now()) + " " + line);
    System.out.flush();
  }

  // ---------- form bodies (application/x-www-form-urlencoded, Stripe's bracket keys) ----------

  static final class Form {
    final List<String[]> pairs = new ArrayList<>();

    static Form parse(String raw) {
      Form f = new Form();
      if (raw == null || raw.isEmpty()) return f;
      for (String part : raw.split("&")) {
        if (part.isEmpty()) continue;
        int eq = part.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
        f.pairs.add(new String[] {k, v});
      }
      return f;
    }

    Form without(String key) {
      Form f = new Form();
      for (String[] p : pairs) if (!p[0].equals(key)) f.pairs.add(p);
      return f;
    }

    boolean has(String key) { return get(key) != null; }

    /** The parameters sorted, so an Idempotency-Key compares what was sent, not the order it was encoded in. */
    String canonical() {
      List<String> l = new ArrayList<>();
      for (String[] p : pairs) l.add(p[0] + "=" + p[1]);
      java.util.Collections.sort(l);
      return String.join("&", l);
    }

    String get(String key) {
      String v = null;
      for (String[] p : pairs) if (p[0].equals(key)) v = p[1];
      return v;
    }

    String required(String key) {
      String v = get(key);
      if (v == null || v.isEmpty()) throw missing(key);
      return v;
    }

    long requiredPositiveLong(String key) {
      String v = required(key);
      long n;
      try {
        n = Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        throw invalid(key, "Invalid integer: " + v);
      }
      if (n < 1) throw invalid(key, "This value must be greater than or equal to 1.");
      return n;
    }

    /** metadata[k]=v pairs as a map; metadata[k]= (empty) unsets k, as with Stripe. */
    Map<String, Object> hash(String name) {
      Map<String, Object> m = new LinkedHashMap<>();
      String prefix = name + "[";
      for (String[] p : pairs) {
        if (p[0].startsWith(prefix) && p[0].endsWith("]")) {
          String k = p[0].substring(prefix.length(), p[0].length() - 1);
          if (p[1].isEmpty()) m.remove(k); else m.put(k, p[1]);
        }
      }
      return m;
    }

    /** name[0]=a&name[1]=b or name[]=a&name[]=b. */
    List<String> list(String name) {
      List<String> l = new ArrayList<>();
      for (String[] p : pairs) if (p[0].matches(Pattern.quote(name) + "\\[\\d*\\]")) l.add(p[1]);
      return l;
    }
  }

  // ---------- a tiny JSON writer ----------

  static final class Json {
    static String write(Object o) {
      StringBuilder sb = new StringBuilder();
      write(sb, o, 0);
      return sb.toString();
    }

    static void write(StringBuilder sb, Object o, int indent) {
      if (o == null) sb.append("null");
      else if (o instanceof String s) string(sb, s);
      else if (o instanceof Number || o instanceof Boolean) sb.append(o);
      else if (o instanceof Map<?, ?> m) {
        if (m.isEmpty()) { sb.append("{}"); return; }
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          pad(sb, indent + 1);
          string(sb, String.valueOf(e.getKey()));
          sb.append(": ");
          write(sb, e.getValue(), indent + 1);
          sb.append(++i < m.size() ? ",\n" : "\n");
        }
        pad(sb, indent);
        sb.append('}');
      } else if (o instanceof List<?> l) {
        if (l.isEmpty()) { sb.append("[]"); return; }
        sb.append("[\n");
        for (int i = 0; i < l.size(); i++) {
          pad(sb, indent + 1);
          write(sb, l.get(i), indent + 1);
          sb.append(i + 1 < l.size() ? ",\n" : "\n");
        }
        pad(sb, indent);
        sb.append(']');
      } else string(sb, o.toString());
    }

    static void pad(StringBuilder sb, int n) { for (int i = 0; i < n; i++) sb.append("  "); }

    static void string(StringBuilder sb, String s) {
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          case '\b' -> sb.append("\\b");
          case '\f' -> sb.append("\\f");
          default -> {
            if (c < 0x20 || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
          }
        }
      }
      sb.append('"');
    }
  }
}
