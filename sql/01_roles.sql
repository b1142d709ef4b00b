-- 01 Roles: the role the lookup service runs as and its callers use (the guide's DATA_API_ROLE).
-- Run as ACCOUNTADMIN. Every script here is safe to run again.
USE ROLE ACCOUNTADMIN;

CREATE ROLE IF NOT EXISTS DATA_API_ROLE
  COMMENT = 'papi: owns the recommendations lookup service; its service user and callers use it';

-- as in the guide, administrators inherit it, so they can see what the service sees
GRANT ROLE DATA_API_ROLE TO ROLE ACCOUNTADMIN;
