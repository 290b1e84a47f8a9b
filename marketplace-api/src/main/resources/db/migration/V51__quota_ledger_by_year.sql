-- monthly trends read a region's ledger rows of one year
CREATE INDEX quota_ledger_year_idx ON quota_ledger (year, organization_id);
