package cn.huinong.quota;

/** The unit's canteen situation: 自有食堂, 共用食堂 (one representative files), 外包食堂, 无食堂 (no reserve). */
public enum Canteen {
    OWN,
    SHARED,
    OUTSOURCED,
    NONE;

    /** Whether this situation carries a reserve of its own (SHARED members are covered by their representative). */
    public boolean reserves() {
        return this == OWN || this == OUTSOURCED;
    }
}
