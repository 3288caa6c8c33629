-- A document sent again under the same Idempotency-Key (a retried upload) is the same document.
alter table life_event_document add column idempotency_key text;
create unique index life_event_document_by_key on life_event_document (life_event_id, idempotency_key)
    where idempotency_key is not null;
