-- The sweep gives up fallback SMS whose receipt never came (IN_FLIGHT past their validity and
-- mobim.messaging.sms-receipt-timeout) as EXPIRED. Its own index, with the query's predicate: IN_FLIGHT rows are
-- the SMS deliveries waiting for a receipt, few at any time, so the index is small and the lookup of the due ones
-- never reads the deliveries waiting for a client (V19's index holds only PENDING ones).
create index delivery_sms_receipt_due on im.delivery (expires_at) where status = 'IN_FLIGHT';
