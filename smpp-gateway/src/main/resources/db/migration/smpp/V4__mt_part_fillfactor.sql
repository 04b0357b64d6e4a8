-- Room on mt_part's pages for its receipt updates to stay HOT. The ledger writer records a batch of receipts in
-- one transaction, and receipts come for the parts accepted last, whose rows share the table's newest pages: the
-- new row versions of one batch (each a little larger, the receipt columns filled) must fit beside the old ones,
-- which cannot be pruned before the batch commits. At fillfactor 80 a batch overflowed its page and some updates
-- moved to another page (updating both indexes).
alter table smpp.mt_part set (fillfactor = 50);
