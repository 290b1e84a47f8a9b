package cn.huinong.quota;

/**
 * Order of a reminder list. URGENCY: units not filed first (fewest days left, i.e. longest overdue, first), then
 * those behind the pace by the largest gap; GAP_DESC: largest gap to the pace first; COMPLETION_ASC: lowest
 * completion first; REGION, NAME.
 */
public enum DueSort {
    URGENCY,
    GAP_DESC,
    COMPLETION_ASC,
    REGION,
    NAME
}
