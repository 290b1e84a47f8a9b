package cn.huinong.shared.problem;

/** What kind of failure a domain exception is; the web layer maps each to one HTTP status. */
public enum ProblemKind {
    INVALID_INPUT("invalid-input", "请求参数有误"),
    UNAUTHENTICATED("unauthenticated", "未登录或登录已失效"),
    FORBIDDEN("forbidden", "无权执行此操作"),
    NOT_FOUND("not-found", "资源不存在"),
    CONFLICT("conflict", "与当前状态冲突"),
    RULE_VIOLATED("rule-violated", "不符合业务规则"),
    TOO_LARGE("too-large", "内容超过大小限制"),
    RATE_LIMITED("rate-limited", "请求过于频繁");

    private final String slug;
    private final String title;

    ProblemKind(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String type() {
        return "urn:huinong:problem:" + slug;
    }

    public String title() {
        return title;
    }
}
