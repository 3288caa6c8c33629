-- The domain schema. Flyway creates it and keeps its history here; the embedded engine keeps
-- its own tables and history in a schema of its own, so either can be migrated alone.
comment on schema premiumflow is 'premiumflow business data: members, billing, payments, notices';
