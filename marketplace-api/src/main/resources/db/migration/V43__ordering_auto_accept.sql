-- the automatic acceptance job looks for DELIVERED orders by delivery time
CREATE INDEX purchase_order_delivered_idx ON purchase_order (delivered_at) WHERE status = 'DELIVERED';
