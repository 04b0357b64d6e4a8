-- The console's scale: 100,000 subscribers and one business day (today, UTC) of 1,000,000 current rated records
-- (500,000 SMS messages, each a SENT leg and a RECEIVED leg), written set-based into the product's own tables.
-- Run against the all-in-one's PostgreSQL: psql -v subscribers=100000 -v messages=500000 -f seed.sql
\set ON_ERROR_STOP on
\if :{?subscribers} \else \set subscribers 100000 \endif
\if :{?messages} \else \set messages 500000 \endif
\timing on

insert into im.subscriber (msisdn, nickname, locale, status, tariff_plan, home_operator, created_at, updated_at)
select '+4477' || lpad(i::text, 8, '0'),
       (array['anna', 'bruno', 'chen', 'dara', 'emil', 'fatou', 'gus', 'hana', 'ivo', 'jules'])[i % 10 + 1] || '-' || i,
       'en', 'ACTIVE', case when i % 2 = 0 then 'VODAFONE_UK' else 'ORANGE_UK' end, 'mobim', now(), now()
from generate_series(1, :subscribers) i
on conflict do nothing;

select billing.create_rated_record_partition(current_date);

insert into billing.rated_record (event_id, version, current, node_id, sequence, event_time, business_day, period, msisdn,
        charged_role, kind, channel, direction, service, event_plan, message_id, other_party, other_operator, smsc_reference,
        segments, bytes, plan_id, plan_version, charged_units, allowance_units, amount, pass_through_amount, currency, rule,
        rated_at, rating_reason)
select gen_random_uuid(), 1, true, 'seed', 2 * m + leg, current_date + (m * interval '1 second' * 86400 / :messages),
       current_date, to_char(current_date, 'YYYY-MM'),
       '+4477' || lpad(((case when leg = 0 then m else m + 7 end) % :subscribers + 1)::text, 8, '0'),
       case when leg = 0 then 'ORIGINATOR' else 'RECIPIENT' end, 'MESSAGE', 'SMS',
       case when leg = 0 then 'SENT' else 'RECEIVED' end, false, null, 'seed-' || m, null, null,
       case when leg = 1 then 'MT-seed-' || m end, 1, null, 'VODAFONE_UK', 1, 1, 0, 0.12, 0, 'GBP', 'IM_' ||
       case when leg = 0 then 'SENT' else 'RECEIVED' end, now(), 'RATED'
from generate_series(0, :messages - 1) m, generate_series(0, 1) leg;

analyze im.subscriber;
analyze billing.rated_record;
