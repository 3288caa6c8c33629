-- What premiums are rated from, year by year (issue 8): the poverty guidelines, the applicable
-- percentage of income a household is expected to pay, the age rating factors, the benchmark
-- premium and each plan's base premium. Every row belongs to a coverage year, so a new year is new
-- rows, never an edit of the old ones. Each table names the source of its rows.

-- The poverty guideline of a household: first person plus each additional person. The guidelines
-- HHS publishes in January price the next coverage year (26 CFR 1.36B-1(h): those published before
-- open enrollment starts).
create table poverty_guideline (
    coverage_year          int primary key,
    guideline_year         int not null check (guideline_year < coverage_year),
    first_person           numeric(10, 2) not null check (first_person > 0),
    each_additional_person numeric(10, 2) not null check (each_additional_person >= 0),
    source                 text not null
);

-- The applicable percentage by household income as % of the poverty level (26 CFR 1.36B-3(g)):
-- from at_least up to below less_than, the top band of a year up to and including its less_than;
-- within a band it rises linearly from initial_percentage to final_percentage.
create table applicable_percentage (
    coverage_year      int not null,
    at_least           numeric(6, 2) not null check (at_least >= 0),
    less_than          numeric(6, 2) not null,
    initial_percentage numeric(5, 2) not null check (initial_percentage >= 0),
    final_percentage   numeric(5, 2) not null check (final_percentage >= initial_percentage),
    source             text not null,
    primary key (coverage_year, at_least),
    check (less_than > at_least)
);

-- Age rating factors from age_from to age_to, inclusive. 211 CMR 66.07(1)(b)1 caps the highest
-- adult (over 20) factor at twice the lowest; the application checks that at start-up and on
-- every load, since the cap spans rows.
create table age_rating_factor (
    coverage_year int not null,
    age_from      int not null check (age_from >= 0),
    age_to        int not null,
    factor        numeric(5, 3) not null check (factor > 0),
    source        text not null,
    primary key (coverage_year, age_from),
    check (age_to >= age_from)
);

-- The benchmark (second-lowest cost silver) plan's premium at factor 1.000; one rating area for now.
create table benchmark_premium (
    coverage_year int primary key,
    base_premium  numeric(10, 2) not null check (base_premium > 0),
    source        text not null
);

-- A plan's monthly premium at factor 1.000, and whether it is one of the ConnectorCare plans.
create table plan_rate (
    coverage_year int not null,
    plan_id       text not null,
    plan_name     text not null,
    connectorcare boolean not null,
    base_premium  numeric(10, 2) not null check (base_premium > 0),
    source        text not null,
    primary key (coverage_year, plan_id)
);

insert into poverty_guideline values
    (2027, 2026, 15960.00, 5680.00,
     'HHS poverty guidelines 2026, 48 contiguous states and DC, 91 Fed. Reg. 1797 (January 15, 2026)');

insert into applicable_percentage values
    (2027,   0.00, 133.00, 2.10, 2.10, 'IRS Rev. Proc. 2025-25 (the 2026 table; replace with the 2027 one when published). Below 100%: no federal rate, UNSOURCED: the lowest band, for Plan Type 1'),
    (2027, 133.00, 150.00, 3.14, 4.19, 'IRS Rev. Proc. 2025-25 (the 2026 table; replace with the 2027 one when published)'),
    (2027, 150.00, 200.00, 4.19, 6.60, 'IRS Rev. Proc. 2025-25 (the 2026 table; replace with the 2027 one when published)'),
    (2027, 200.00, 250.00, 6.60, 8.44, 'IRS Rev. Proc. 2025-25 (the 2026 table; replace with the 2027 one when published)'),
    (2027, 250.00, 300.00, 8.44, 9.96, 'IRS Rev. Proc. 2025-25 (the 2026 table; replace with the 2027 one when published)'),
    (2027, 300.00, 400.00, 9.96, 9.96, 'IRS Rev. Proc. 2025-25 (the 2026 table; replace with the 2027 one when published)');

insert into age_rating_factor values
    (2027,  0,  20, 0.700, 'ILLUSTRATIVE factors within the 2:1 adult cap of 211 CMR 66.07(1)(b)1; replace with the filed ones'),
    (2027, 21,  29, 1.000, 'ILLUSTRATIVE factors within the 2:1 adult cap of 211 CMR 66.07(1)(b)1; replace with the filed ones'),
    (2027, 30,  39, 1.150, 'ILLUSTRATIVE factors within the 2:1 adult cap of 211 CMR 66.07(1)(b)1; replace with the filed ones'),
    (2027, 40,  49, 1.350, 'ILLUSTRATIVE factors within the 2:1 adult cap of 211 CMR 66.07(1)(b)1; replace with the filed ones'),
    (2027, 50,  59, 1.700, 'ILLUSTRATIVE factors within the 2:1 adult cap of 211 CMR 66.07(1)(b)1; replace with the filed ones'),
    (2027, 60,  64, 1.950, 'ILLUSTRATIVE factors within the 2:1 adult cap of 211 CMR 66.07(1)(b)1; replace with the filed ones'),
    (2027, 65, 120, 2.000, 'ILLUSTRATIVE factors within the 2:1 adult cap of 211 CMR 66.07(1)(b)1; replace with the filed ones');

insert into benchmark_premium values
    (2027, 520.00, 'ILLUSTRATIVE: the second-lowest silver plan below (MA-SILVER-02); replace with the Connector''s benchmark');

insert into plan_rate values
    (2027, 'MA-BRONZE-01', 'Bronze 4000',       false, 380.00, 'ILLUSTRATIVE'),
    (2027, 'MA-SILVER-01', 'Silver 2000',       false, 505.00, 'ILLUSTRATIVE'),
    (2027, 'MA-SILVER-02', 'Silver 1500',       false, 520.00, 'ILLUSTRATIVE'),
    (2027, 'MA-GOLD-01',   'Gold 1000',         false, 640.00, 'ILLUSTRATIVE'),
    (2027, 'MA-CC-01',     'ConnectorCare HMO', true,  505.00, 'ILLUSTRATIVE');
