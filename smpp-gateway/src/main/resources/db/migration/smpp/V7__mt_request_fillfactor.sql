-- Room on mt_request's pages for two updates of each row before the first one's old versions can be pruned. An MT's
-- row is updated when it is accepted (the update that drops its body, most of the row) and again, milliseconds
-- later, when its outcome is published. The accepted row's old version can be pruned only once no statement begun
-- before that update committed is still running, and the ledger always has some running (receipts being matched,
-- the next poll taken, other modules' sessions in a shared database). At fillfactor 70 a page of short MTs had room
-- for one round of new versions beside the old ones: when the outcome came before the page was pruned, its update
-- left the page and added index entries. At 50 both rounds fit. Pages filled before this keep their layout.
alter table smpp.mt_request set (fillfactor = 50);
