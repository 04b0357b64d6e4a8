-- The subscribers who chose to be found by their nickname (CSP Search, SMS DIRECTORY ON). Found by number needs no
-- choice: whoever searches knows the number already.
create table im.directory_listing (
    msisdn          varchar(16)  primary key references im.subscriber (msisdn) on delete cascade,
    listed_at       timestamptz  not null
);
