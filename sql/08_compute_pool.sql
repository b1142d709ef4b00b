-- 08 Compute pool: the nodes the service's containers run on; autoscales between MIN_NODES and MAX_NODES.
USE ROLE ACCOUNTADMIN;

CREATE COMPUTE POOL IF NOT EXISTS API
  MIN_NODES = 1
  MAX_NODES = 2
  INSTANCE_FAMILY = CPU_X64_XS
  AUTO_RESUME = TRUE
  AUTO_SUSPEND_SECS = 3600
  COMMENT = 'papi: lookup API containers';

-- wait for IDLE or ACTIVE before creating the service
DESCRIBE COMPUTE POOL API;
