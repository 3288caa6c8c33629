-- After a returned or declined payment: a method the bank or card network says cannot be used any
-- more is INVALID; AutoPay from it is SUSPENDED until the member sets it up again, or REVOKED when
-- the bank says the debit was not authorized.
alter table payment_method drop constraint payment_method_status_check;
alter table payment_method add constraint payment_method_status_check
    check (status in ('PENDING_VERIFICATION', 'VERIFIED', 'FAILED', 'REMOVED', 'INVALID'));
alter table autopay_mandate drop constraint autopay_mandate_status_check;
alter table autopay_mandate add constraint autopay_mandate_status_check
    check (status in ('REQUESTED', 'ACTIVE', 'REPLACED', 'CANCELLED', 'WITHDRAWN', 'SUSPENDED', 'REVOKED'));
