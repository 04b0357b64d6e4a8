-- The daily message log extract (GET /api/v1/messages/log/{day}) reads a day of messages and of delivered
-- deliveries; without these it would scan both tables, which are never purged. The delivery index holds only
-- DELIVERED rows: one index entry per delivery, written when it is confirmed.
create index message_created_at on im.message (created_at);
create index delivery_delivered_at on im.delivery (updated_at) where status = 'DELIVERED';
