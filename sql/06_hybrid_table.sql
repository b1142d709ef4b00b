-- 06 Hybrid table: the row store the lookup API reads, one point lookup per request by primary key.
-- Hybrid tables: generally available on AWS and Azure, in preview in Google Cloud regions; not on trial accounts
-- or in U.S. SnowGov regions (Snowflake's "Limitations and unsupported features for hybrid tables").
--
-- You do not need this script on the way through docs/deploy-spcs.md: `papi recommend --publish --store
-- snowflake` and sql/recommender/itemknn.sql create this table and fill it. Run it to copy MOVIE_RECOMMENDATIONS
-- into the hybrid table again when the batch table was written by something else. It refuses to run when the
-- batch table is empty, since an empty lookup table answers every id with [] while the service reports READY.
--
-- Key type: NUMBER(38,0) for numeric ids, as the guide's ratings have. For ids that are not numbers (papi serve
-- --id-mode alphanumeric), USER_ID is VARCHAR(256) here, in MOVIE_RECOMMENDATIONS and in USER_RATINGS alike.
-- The CREATE below is the lookup-table contract's (io.papi.lookup.LookupDdl); a test checks that they agree.
USE ROLE DATA_API_ROLE;
USE WAREHOUSE DATA_API_WH;
USE SCHEMA API.DATA;

CREATE HYBRID TABLE IF NOT EXISTS API.DATA.MOVIE_RECOMMENDATIONS_HYBRID (
    USER_ID         NUMBER(38,0) NOT NULL PRIMARY KEY,
    RECOMMENDATIONS VARIANT
) COMMENT = 'papi: lookup table served by the API; refreshed from MOVIE_RECOMMENDATIONS';

-- Copy the batch output in, replacing the previous set in one transaction: readers see the old set until COMMIT,
-- never a half-written one. In a worksheet a failed statement inside BEGIN ... COMMIT leaves the transaction
-- open, and its locks block the next publish; inside this block the handler rolls back and re-raises, so a
-- duplicate USER_ID (the primary key refuses it) leaves the old set in place and nothing open.
EXECUTE IMMEDIATE $$
DECLARE
  empty_batch EXCEPTION (-20001, 'MOVIE_RECOMMENDATIONS is empty: compute recommendations first (papi recommend --publish --store snowflake, or sql/recommender/itemknn.sql); the hybrid table was left as it was');
  batch_rows INTEGER DEFAULT 0;
BEGIN
  SELECT COUNT(*) INTO :batch_rows FROM API.DATA.MOVIE_RECOMMENDATIONS;
  IF (batch_rows = 0) THEN
    RAISE empty_batch;
  END IF;
  BEGIN TRANSACTION;
  DELETE FROM API.DATA.MOVIE_RECOMMENDATIONS_HYBRID;
  INSERT INTO API.DATA.MOVIE_RECOMMENDATIONS_HYBRID (USER_ID, RECOMMENDATIONS)
    SELECT USER_ID, RECOMMENDATIONS FROM API.DATA.MOVIE_RECOMMENDATIONS;
  COMMIT;
  RETURN 'copied ' || batch_rows || ' users into MOVIE_RECOMMENDATIONS_HYBRID';
EXCEPTION
  WHEN OTHER THEN
    ROLLBACK;
    RAISE;
END;
$$;

-- What the API runs, ids bound as parameters (here one literal to try it by hand). TO_JSON promises no key
-- order inside each element: read the elements by name, never by position.
SELECT USER_ID, TO_JSON(RECOMMENDATIONS) FROM API.DATA.MOVIE_RECOMMENDATIONS_HYBRID WHERE USER_ID IN (22);
