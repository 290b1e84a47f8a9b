package cn.huinong.identity.internal;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/** argon2id with explicit parameters (OWASP: m=19 MiB, t=2, p=1 by default). */
@Singleton
class PasswordHasher {

    private final Argon2Function argon2;
    private final String dummyHash;

    PasswordHasher(IdentitySettings settings) {
        IdentitySettings.Argon2 p = settings.argon2();
        this.argon2 = Argon2Function.getInstance(p.memoryKib(), p.iterations(), p.parallelism(), 32, Argon2.ID);
        this.dummyHash = hash("not-a-real-password-used-to-even-out-timing");
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    boolean matches(String password, String hash) {
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
    void burn(String password) {
        matches(password, dummyHash);
    }
}
