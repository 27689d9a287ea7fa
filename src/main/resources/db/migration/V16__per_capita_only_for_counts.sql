-- Only a count or an amount is compared per 10,000 residents (issue 17): a rate or percentage is
-- already relative to its own base, so dividing it by the population would mean nothing. The
-- catalogue administration refuses it with a message; the database refuses it too.
alter table indicator add constraint indicator_per_capita_kind
    check (not per_capita or kind in ('COUNT', 'AMOUNT'));
