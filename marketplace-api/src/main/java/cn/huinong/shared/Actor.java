package cn.huinong.shared;

/**
 * Who performs a command, and from where: the audit trail's subject.
 * {@code organizationId} and {@code role} are null for the system and for anonymous callers.
 */
public record Actor(String username, Long organizationId, String role, String ipAddress) {

    public static Actor system(String what) {
        return new Actor("system:" + what, null, null, null);
    }

    public static Actor anonymous(String ipAddress) {
        return new Actor("anonymous", null, null, ipAddress);
    }

    public boolean hasRole(String r) {
        return r.equals(role);
    }

    public boolean is(Role r) {
        return r.name().equals(role);
    }
}
