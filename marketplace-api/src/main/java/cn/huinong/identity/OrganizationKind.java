package cn.huinong.identity;

/** The four kinds of organisation; each user's role is its organisation's kind. */
public enum OrganizationKind {
    SUPPLIER,
    BUYER,
    REGULATOR,
    OPERATOR
}
