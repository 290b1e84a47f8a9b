package cn.huinong.identity;

/** What kind of department a monitoring (REGULATOR) organisation is. */
public enum DepartmentKind {
    COMMERCE,
    FINANCE,
    AGRICULTURE,
    RURAL_REVITALIZATION,
    SUPERVISING
}
