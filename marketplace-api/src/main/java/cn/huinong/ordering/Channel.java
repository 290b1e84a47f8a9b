package cn.huinong.ordering;

/** Through which channel of the buyer unit a purchase is made: 食堂采购, 工会采购, 职工个人采购. */
public enum Channel {
    CANTEEN,
    UNION,
    STAFF
}
