package cn.huinong.identity.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) through com.eatthepath:java-otp, plus what the library
 * leaves to us: secrets, Base32 (RFC 4648) for authenticator apps, sealing secrets at rest (AES-GCM), and
 * accepting one step of clock drift either way but never a step at or before the last one used (no replays).
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private final SecretKeySpec sealKey;

    Totp(String encryptionKey) {
        try {
            byte[] k = MessageDigest.getInstance("SHA-256").digest(encryptionKey.getBytes(StandardCharsets.UTF_8));
            this.sealKey = new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    static long stepOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), STEP.toSeconds());
    }

    static String code(byte[] secret, long step) {
        try {
            int otp = GENERATOR.generateOneTimePassword(
                    new SecretKeySpec(secret, "HmacSHA1"), Instant.ofEpochSecond(step * STEP.toSeconds()));
            return String.format(Locale.ROOT, "%06d", otp);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The step {@code code} belongs to (now, or one step either side) if it is later than {@code lastUsedStep}. */
    static OptionalLong matchingStep(byte[] secret, String code, long lastUsedStep, Instant now) {
        String c = code == null ? "" : code.strip();
        if (!c.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = stepOf(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsedStep
                    && MessageDigest.isEqual(
                            code(secret, step).getBytes(StandardCharsets.US_ASCII),
                            c.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0, bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    String seal(byte[] secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] open(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, in, 0, 12));
            return cipher.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a TOTP secret could not be opened (was huinong.identity.mfa.encryption-key changed?)", e);
        }
    }

    /** Recovery codes: 10 characters from an unambiguous alphabet, shown as xxxxx-xxxxx. */
    static String newRecoveryCode() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String normaliseRecoveryCode(String code) {
        return code == null
                ? ""
                : code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
