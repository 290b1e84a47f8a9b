-- region's published read model (ADR 15): the GB/T 2260 tree for joins by code (names of the regions of a list).
-- Read-only; what the Regions API answers one code at a time.
CREATE VIEW region_directory AS
SELECT code, name, level, parent_code, retired
FROM region;
