-- The supply side of a region (monitoring.internal.SupplyQueries) reads the orders paid in a year: a range over the
-- payment time instead of a scan of every order ever placed.
CREATE INDEX purchase_order_paid_at_idx ON purchase_order (paid_at) WHERE paid_at IS NOT NULL;
