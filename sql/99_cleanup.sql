-- 99 Cleanup: removes everything 01-11 created, in reverse order. Irreversible: the database goes with its
-- tables, stages and image repository (images included).
USE ROLE ACCOUNTADMIN;

DROP SERVICE IF EXISTS API.DATA.API;
DROP USER IF EXISTS SVC_DATA_API;

-- a pool with services still running refuses to drop; stop them first
ALTER COMPUTE POOL IF EXISTS API STOP ALL;
DROP COMPUTE POOL IF EXISTS API;

DROP IMAGE REPOSITORY IF EXISTS API.DATA.API;
DROP DATABASE IF EXISTS API;
DROP WAREHOUSE IF EXISTS DATA_API_WH;
DROP ROLE IF EXISTS DATA_API_CALLER_ROLE;
DROP ROLE IF EXISTS DATA_API_ROLE;
