package cn.huinong.shared;

import java.util.Optional;

/**
 * The four roles of the public contract (../shared/API.md). Code compares roles through this enum
 * ({@link Actor#is(Role)}); annotations, which need constants, use {@link Role.Names}.
 */
public enum Role {
    SUPPLIER,
    BUYER,
    REGULATOR,
    OPERATOR;

    /** The role of a stored or transmitted name; empty for null or an unknown name. */
    public static Optional<Role> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Compile-time constants for {@code @Secured} and the like; each equals its enum constant's name. */
    public static final class Names {
        public static final String SUPPLIER = "SUPPLIER";
        public static final String BUYER = "BUYER";
        public static final String REGULATOR = "REGULATOR";
        public static final String OPERATOR = "OPERATOR";

        private Names() {}
    }
}
