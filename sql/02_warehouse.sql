-- 02 Warehouse: compute for loading data, computing recommendations in SQL, and the service's queries
-- (its QUERY_WAREHOUSE; a hybrid-table point lookup needs little).
USE ROLE ACCOUNTADMIN;

CREATE WAREHOUSE IF NOT EXISTS DATA_API_WH
  WITH WAREHOUSE_SIZE = 'XSMALL'
  AUTO_SUSPEND = 60
  AUTO_RESUME = TRUE
  INITIALLY_SUSPENDED = TRUE
  COMMENT = 'papi: data loading, batch recommendations, lookup service queries';
