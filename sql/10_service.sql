-- 10 Service: the lookup API in the compute pool, from the image pushed to API.DATA.API and the spec on
-- @API.DATA.SPECS (deploy/spcs/service-spec.yaml). Owned by DATA_API_ROLE: its queries run as that role.
USE ROLE DATA_API_ROLE;
USE SCHEMA API.DATA;

CREATE SERVICE IF NOT EXISTS API.DATA.API
  IN COMPUTE POOL API
  FROM @API.DATA.SPECS
  SPECIFICATION_FILE = 'service-spec.yaml'
  MIN_INSTANCES = 1
  MAX_INSTANCES = 2
  QUERY_WAREHOUSE = DATA_API_WH
  COMMENT = 'papi: real-time recommendations lookup API';

-- after pushing a new image or uploading a changed spec:
--   ALTER SERVICE API.DATA.API FROM @API.DATA.SPECS SPECIFICATION_FILE = 'service-spec.yaml';
-- to scale:
--   ALTER SERVICE API.DATA.API SET MIN_INSTANCES = 2 MAX_INSTANCES = 4;

-- READY once the container's readiness probe passes (/readyz: the hybrid table answers, its row count in the
-- answer; a missing table keeps the instance out of rotation, an empty one is reported and logged as a warning).
-- SHOW SERVICE CONTAINERS is the current way to read it; SYSTEM$GET_SERVICE_STATUS, which Snowflake's
-- documentation now marks deprecated, answers the same as JSON.
SHOW SERVICE CONTAINERS IN SERVICE API.DATA.API;
SELECT SYSTEM$GET_SERVICE_STATUS('API.DATA.API');
-- the container's last 100 log lines (instance 0, container "api")
SELECT SYSTEM$GET_SERVICE_LOGS('API.DATA.API', 0, 'api', 100);

-- ingress_url of endpoint "api": the host callers reach, and the scope of their session tokens
SHOW ENDPOINTS IN SERVICE API.DATA.API;
