-- H2 (the embedded demo) indexes no expressions; the demo's lists are small. PostgreSQL's indexes for the lists'
-- idle order are in vendor/postgresql/V12.
select 1;
