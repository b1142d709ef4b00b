-- 03 Database and schema: everything papi creates lives in API.DATA, the service included, so that the
-- service's SNOWFLAKE_DATABASE / SNOWFLAKE_SCHEMA resolve the lookup table without qualification.
USE ROLE ACCOUNTADMIN;

CREATE DATABASE IF NOT EXISTS API
  COMMENT = 'papi: real-time recommendations lookup';
CREATE SCHEMA IF NOT EXISTS API.DATA
  COMMENT = 'papi: ratings, titles, recommendations, the hybrid lookup table, the service';
