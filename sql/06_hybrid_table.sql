-- 06 Hybrid table: the row store the lookup API reads, one point lookup per request by primary key.
-- Hybrid tables need an AWS or Azure account (not GCP, not a trial account).
USE ROLE ACCOUNTADMIN;
USE WAREHOUSE DATA_API_WH;
USE SCHEMA API.DATA;

CREATE HYBRID TABLE IF NOT EXISTS API.DATA.MOVIE_RECOMMENDATIONS_HYBRID (
    USER_ID         NUMBER(38,0) NOT NULL PRIMARY KEY,
    RECOMMENDATIONS VARIANT
) COMMENT = 'papi: lookup table served by the API; refreshed from MOVIE_RECOMMENDATIONS';

-- Copy the batch output in, replacing the previous set in one transaction: readers see the old set until
-- COMMIT, never a half-written one. A duplicate USER_ID fails the primary key and rolls everything back.
BEGIN TRANSACTION;
DELETE FROM API.DATA.MOVIE_RECOMMENDATIONS_HYBRID;
INSERT INTO API.DATA.MOVIE_RECOMMENDATIONS_HYBRID (USER_ID, RECOMMENDATIONS)
  SELECT USER_ID, RECOMMENDATIONS FROM API.DATA.MOVIE_RECOMMENDATIONS;
COMMIT;

-- What the API runs, ids bound as parameters (here one literal to try it by hand):
SELECT USER_ID, TO_JSON(RECOMMENDATIONS) FROM API.DATA.MOVIE_RECOMMENDATIONS_HYBRID WHERE USER_ID IN (22);
