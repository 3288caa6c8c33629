-- A life event reported after its 60-day window is taken only when a caseworker accepts it; who
-- did and why stays with the event (issue 8).
alter table life_event add column late_report_accepted_by text;
alter table life_event add column late_report_reason text;
alter table life_event add constraint life_event_late_report_complete
    check ((late_report_accepted_by is null) = (late_report_reason is null));
