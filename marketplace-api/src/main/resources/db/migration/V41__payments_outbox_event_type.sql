-- the payments module adds PAYMENT_SUCCEEDED to ordering's outbox (through Orders.paymentEvent)
ALTER TABLE order_event_outbox DROP CONSTRAINT order_event_outbox_event_type_check;
ALTER TABLE order_event_outbox ADD CONSTRAINT order_event_outbox_event_type_check
    CHECK (event_type IN ('ORDER_PLACED', 'ORDER_PAID', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'ORDER_ACCEPTED',
                          'ORDER_REFUNDED', 'PAYMENT_SUCCEEDED'));
