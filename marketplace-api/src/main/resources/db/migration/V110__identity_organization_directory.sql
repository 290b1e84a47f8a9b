-- identity's published read model (ADR 15): the organisations other modules may read in SQL, for set-based
-- figures that no facade call per organisation could give (quota's unit lists, monitoring's slow products).
-- Read-only and column-stable: identity keeps these columns meaning what they mean here whatever it does to
-- `organization` behind them. Contacts, decisions and everything about users stay private to identity.
CREATE VIEW organization_directory AS
SELECT id, kind, name, credit_code, region_code, scope_region_code, department_kind, parent_organization_id, status
FROM organization;
