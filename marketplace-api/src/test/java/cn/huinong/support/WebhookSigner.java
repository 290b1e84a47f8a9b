package cn.huinong.support;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The one HMAC webhook signer of the tests: Stripe's scheme ({@code t=<ts>,v1=HMAC-SHA256(ts.payload)}), and events. */
public final class WebhookSigner {

    private WebhookSigner() {}

    /** The {@code Stripe-Signature} header for {@code payload}, signed with {@code secret} at {@code timestamp}. */
    public static String sign(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 =
                    HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return "t=" + timestamp + ",v1=" + v1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook event of {@code type} about {@code object} (its JSON), with a fresh id, created now. */
    public static String event(String type, String object, String apiVersion) {
        return """
                {"id":"evt_%s","object":"event","api_version":"%s","created":%d,"livemode":false,
                 "pending_webhooks":1,"type":"%s","data":{"object":%s}}""".formatted(
                        UUID.randomUUID().toString().replace("-", ""),
                        apiVersion,
                        System.currentTimeMillis() / 1000,
                        type,
                        object);
    }
}
