-- 04 Stages: one for the guide's CSV files (ratings, titles), one for the service specification.
USE ROLE ACCOUNTADMIN;
USE SCHEMA API.DATA;

-- The guide's CSVs: a header row, titles quoted when they hold commas, ISO local timestamps such as
-- 2024-12-04T15:55:49.000 (read by the AUTO timestamp format).
CREATE FILE FORMAT IF NOT EXISTS API.DATA.GUIDE_CSV
  TYPE = CSV
  SKIP_HEADER = 1
  FIELD_OPTIONALLY_ENCLOSED_BY = '"'
  EMPTY_FIELD_AS_NULL = TRUE
  COMMENT = 'papi: ratings.csv / titles.csv as papi data generate writes them';

CREATE STAGE IF NOT EXISTS API.DATA.RECOMMENDER_DATA
  FILE_FORMAT = API.DATA.GUIDE_CSV
  COMMENT = 'papi: input CSVs for USER_RATINGS and TITLE';

CREATE STAGE IF NOT EXISTS API.DATA.SPECS
  COMMENT = 'papi: service specification files';

-- Upload from your machine with a client (snow sql or SnowSQL), not a worksheet; paths are yours:
--   PUT file://data/ratings.csv @API.DATA.RECOMMENDER_DATA AUTO_COMPRESS = TRUE OVERWRITE = TRUE;
--   PUT file://data/titles.csv  @API.DATA.RECOMMENDER_DATA AUTO_COMPRESS = TRUE OVERWRITE = TRUE;
--   PUT file://deploy/spcs/service-spec.yaml @API.DATA.SPECS AUTO_COMPRESS = FALSE OVERWRITE = TRUE;
LIST @API.DATA.RECOMMENDER_DATA;
LIST @API.DATA.SPECS;
