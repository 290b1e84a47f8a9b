-- paid orders that were cancelled and still owe money back: the payments module's refund sweep reads them
CREATE INDEX purchase_order_refund_due_idx ON purchase_order (id)
    WHERE status = 'CANCELLED' AND paid_at IS NOT NULL AND refunded_fen < total_fen;
