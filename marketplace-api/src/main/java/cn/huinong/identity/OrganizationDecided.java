package cn.huinong.identity;

/** An operator approved or rejected an organisation; published inside the deciding transaction. */
public record OrganizationDecided(long organizationId, OrganizationKind kind, OrganizationStatus status) {}
