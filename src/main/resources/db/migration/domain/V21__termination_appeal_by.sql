-- The last day a member whose coverage ended for non-payment may appeal the termination (the
-- termination notice gives it), kept as the notice said it: an appeal filed by then is heard.
alter table enrollment
    add column appeal_by date,
    add constraint enrollment_appeal_by_after_non_payment check (appeal_by is null or end_reason = 'NON_PAYMENT');
