package cn.huinong.payments.internal;

/**
 * A gateway call that did not answer as asked. {@code unknownOutcome}: the gateway may have done the work anyway
 * (network failure, timeout, 5xx, an answer nobody can read), so nothing may be guessed. {@code declined}: a card
 * declined, with the gateway's message for the buyer.
 */
final class GatewayException extends Exception {

    private final boolean unknownOutcome;
    private final boolean declined;
    private final String gatewayMessage;

    GatewayException(
            String description, String gatewayMessage, boolean unknownOutcome, boolean declined, Throwable cause) {
        super(description, cause);
        this.gatewayMessage = gatewayMessage;
        this.unknownOutcome = unknownOutcome;
        this.declined = declined;
    }

    boolean unknownOutcome() {
        return unknownOutcome;
    }

    boolean declined() {
        return declined;
    }

    /** The gateway's own message (for a refusal shown to the user). */
    String gatewayMessage() {
        return gatewayMessage;
    }
}
