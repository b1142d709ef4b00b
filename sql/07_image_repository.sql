-- 07 Image repository: where the papi image is pushed (see docs/deploy-spcs.md).
USE ROLE ACCOUNTADMIN;
USE SCHEMA API.DATA;

CREATE IMAGE REPOSITORY IF NOT EXISTS API.DATA.API
  COMMENT = 'papi: container images of the lookup API';

-- repository_url is what you docker login / tag / push to:
--   <orgname>-<acctname>.registry.snowflakecomputing.com/api/data/api
SHOW IMAGE REPOSITORIES IN SCHEMA API.DATA;

-- after pushing:
-- SHOW IMAGES IN IMAGE REPOSITORY API.DATA.API;
