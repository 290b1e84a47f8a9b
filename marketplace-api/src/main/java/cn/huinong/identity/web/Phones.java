package cn.huinong.identity.web;

final class Phones {
    /** Mainland mobile (1[3-9] + 9 digits) or landline with area code (0xx(x)-7/8 digits, optional extension). */
    static final String PATTERN = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?";

    private Phones() {}
}
