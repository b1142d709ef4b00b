-- 01 Roles: two roles, so that the identity applications call the API with cannot change what it serves.
--   DATA_API_ROLE         owns the lookup service and the lookup tables: the service's queries run as it, and
--                         publishing recommendations (papi recommend --publish) writes with it.
--   DATA_API_CALLER_ROLE  may only call the service's endpoint: it gets the service role
--                         API.DATA.API!ALL_ENDPOINTS_USAGE (sql/11_service_user.sql) and nothing else.
-- Run as ACCOUNTADMIN. Every script here is safe to run again.
USE ROLE ACCOUNTADMIN;

CREATE ROLE IF NOT EXISTS DATA_API_ROLE
  COMMENT = 'papi: owns the recommendations lookup service and its tables; publishing runs as it';

CREATE ROLE IF NOT EXISTS DATA_API_CALLER_ROLE
  COMMENT = 'papi: calls the lookup service endpoint and nothing else (the service user SVC_DATA_API)';

-- as in the guide, administrators inherit both, so they can see what the service and its callers see
GRANT ROLE DATA_API_ROLE TO ROLE ACCOUNTADMIN;
GRANT ROLE DATA_API_CALLER_ROLE TO ROLE ACCOUNTADMIN;
