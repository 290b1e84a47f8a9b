package cn.huinong.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.support.TotpCodes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectors() {
        // RFC 6238 appendix B (SHA-1), the last six of its eight digits
        long[][] vectors = {
            {59, 287082},
            {1111111109, 81804},
            {1111111111, 50471},
            {1234567890, 5924},
            {2000000000, 279037},
            {20000000000L, 353130}
        };
        for (long[] v : vectors) {
            assertEquals(
                    String.format("%06d", v[1]),
                    Totp.code(RFC_SECRET, Totp.stepOf(Instant.ofEpochSecond(v[0]))),
                    "t=" + v[0]);
        }
    }

    @Test
    void base32IsWhatAuthenticatorAppsRead() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SECRET));
        byte[] secret = Totp.newSecret();
        String encoded = Totp.base32(secret);
        assertEquals(
                TotpCodes.at(encoded, Instant.ofEpochSecond(1_800_000_000L)),
                Totp.code(secret, Totp.stepOf(Instant.ofEpochSecond(1_800_000_000L))));
    }

    @Test
    void acceptsOneStepOfDriftButNeverAStepAlreadyUsed() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.stepOf(now);
        assertEquals(
                step - 1,
                Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), 0, now)
                        .getAsLong());
        assertEquals(
                step + 1,
                Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), 0, now)
                        .getAsLong());
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), 0, now)
                .isEmpty());
        assertTrue(
                Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), step, now)
                        .isEmpty(),
                "replay");
        assertTrue(Totp.matchingStep(RFC_SECRET, "12345", 0, now).isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, null, 0, now).isEmpty());
    }

    @Test
    void sealedSecretsOpenOnlyWithTheirKey() {
        Totp one = new Totp("one-key-of-at-least-thirty-two-characters");
        byte[] secret = Totp.newSecret();
        String sealed = one.seal(secret);
        assertArrayEquals(secret, one.open(sealed));
        assertTrue(!sealed.contains(Totp.base32(secret)));
        try {
            new Totp("another-key-of-at-least-thirty-two-chars").open(sealed);
            throw new AssertionError("opened with the wrong key");
        } catch (IllegalStateException expected) {
            // the GCM tag does not match
        }
    }
}
