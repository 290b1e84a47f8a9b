-- The monthly trend of a region (monitoring /trend) read every ledger row of the region and year: at the scale of
-- the reserved-share benchmark (10 million orders) that is seconds per request at national and provincial level.
-- Per county (the buying unit's region), year and month of payment (Asia/Shanghai), the sum of the booked eligible
-- money, maintained by the ledger consumer in the transaction of each batch (cn.huinong.quota.internal.LedgerService),
-- so that a trend is at most (counties x 12) rows. Refunds count in the month of the original payment, like the
-- ledger rows they come from. A supervising department's trend (units anywhere, a subtree) still reads the ledger.
CREATE TABLE quota_region_month (
    year         INT      NOT NULL,
    region_code  CHAR(6)  NOT NULL,
    month        SMALLINT NOT NULL CHECK (month BETWEEN 1 AND 12),
    eligible_fen BIGINT   NOT NULL,
    PRIMARY KEY (year, region_code, month)
);

INSERT INTO quota_region_month (year, region_code, month, eligible_fen)
SELECT l.year, o.region_code, extract(month FROM l.paid_at AT TIME ZONE 'Asia/Shanghai')::SMALLINT, sum(l.eligible_fen)
FROM quota_ledger l JOIN organization o ON o.id = l.organization_id
GROUP BY 1, 2, 3;
