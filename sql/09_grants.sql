-- 09 Grants: what DATA_API_ROLE needs to publish recommendations, create the service and run it, and no more.
-- papi doctor checks these with SHOW GRANTS TO ROLE against sql/required-grants.tsv; keep the two in step.
-- Run after 08 (the pool and the image repository must exist) and before publishing (docs/deploy-spcs.md, step 4).
USE ROLE ACCOUNTADMIN;

-- to run queries: the service's QUERY_WAREHOUSE, loading and batch work
GRANT USAGE ON WAREHOUSE DATA_API_WH TO ROLE DATA_API_ROLE;

GRANT USAGE ON DATABASE API TO ROLE DATA_API_ROLE;
GRANT USAGE ON SCHEMA API.DATA TO ROLE DATA_API_ROLE;

-- Publishing (papi recommend --publish --store snowflake, or sql/recommender/itemknn.sql) runs
-- CREATE TABLE IF NOT EXISTS MOVIE_RECOMMENDATIONS, CREATE HYBRID TABLE IF NOT EXISTS MOVIE_RECOMMENDATIONS_HYBRID
-- and session-temporary staging tables: CREATE TABLE on the schema covers the standard and temporary tables.
-- Under the 2026_02 behaviour-change bundle (BCR-2157) a hybrid table needs its own CREATE HYBRID TABLE.
-- DATA_API_ROLE then owns both recommendation tables, so reading and replacing their rows needs no table grant,
-- and the service (owned by DATA_API_ROLE as well) reads the hybrid table as their owner.
GRANT CREATE TABLE ON SCHEMA API.DATA TO ROLE DATA_API_ROLE;
GRANT CREATE HYBRID TABLE ON SCHEMA API.DATA TO ROLE DATA_API_ROLE;

-- inputs for computing recommendations (05 created and loaded them as ACCOUNTADMIN)
GRANT SELECT ON TABLE API.DATA.USER_RATINGS TO ROLE DATA_API_ROLE;
GRANT SELECT ON TABLE API.DATA.TITLE TO ROLE DATA_API_ROLE;

-- to create the service: the schema, the spec on its stage, the image, the pool, a public endpoint
GRANT CREATE SERVICE ON SCHEMA API.DATA TO ROLE DATA_API_ROLE;
GRANT READ ON STAGE API.DATA.SPECS TO ROLE DATA_API_ROLE;
GRANT READ ON IMAGE REPOSITORY API.DATA.API TO ROLE DATA_API_ROLE;
GRANT USAGE ON COMPUTE POOL API TO ROLE DATA_API_ROLE;
GRANT MONITOR ON COMPUTE POOL API TO ROLE DATA_API_ROLE;
GRANT BIND SERVICE ENDPOINT ON ACCOUNT TO ROLE DATA_API_ROLE;

-- DATA_API_CALLER_ROLE gets nothing here: only the service role of the running service
-- (sql/11_service_user.sql), which only the service's owner can grant.

SHOW GRANTS TO ROLE DATA_API_ROLE;
