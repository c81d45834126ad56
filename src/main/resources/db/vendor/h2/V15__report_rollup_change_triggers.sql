-- H2 (the embedded demo) has no PL/pgSQL triggers: its rollups are rebuilt whole each time (the demo's history is
-- small). PostgreSQL's change triggers are in vendor/postgresql/V15.
select 1;
