-- 05 Tables: the guide's ratings and titles, loaded from the stage. The recommendation tables are not made here:
-- publishing creates them as DATA_API_ROLE, which then owns them (sql/09_grants.sql, docs/deploy-spcs.md step 4).
-- Key type: USER_ID and ITEM_ID are NUMBER(38,0) for the guide's numeric ids; for ids that are not numbers make
-- them VARCHAR(256), here and in the recommendation tables alike (papi serve --id-mode alphanumeric).
USE ROLE ACCOUNTADMIN;
USE WAREHOUSE DATA_API_WH;
USE SCHEMA API.DATA;

CREATE TABLE IF NOT EXISTS API.DATA.USER_RATINGS (
    USER_ID   NUMBER(38,0) NOT NULL,
    ITEM_ID   NUMBER(38,0) NOT NULL,
    RATING    NUMBER(3,1)  NOT NULL,
    TIMESTAMP TIMESTAMP_NTZ
) COMMENT = 'papi: one rating per user and item (ratings.csv)';

CREATE TABLE IF NOT EXISTS API.DATA.TITLE (
    ITEM_ID NUMBER(38,0) NOT NULL,
    TITLE   VARCHAR      NOT NULL
) COMMENT = 'papi: movie titles (titles.csv)';

-- Load the staged CSVs (their columns are in the tables' order), replacing what the tables held, so that running
-- this script again, or after uploading a regenerated file, leaves each table equal to its staged file instead of
-- appending to it: USER_RATINGS has no key that would catch duplicates, and COPY skips only files whose checksum
-- it has loaded before, so a regenerated file would be appended. Hence DELETE, then COPY with FORCE = TRUE (load
-- every matching file, whatever the load history says), in one transaction. A bad row stops the load, names its
-- file and line, and the handler rolls back, so the old rows stay and no transaction is left open holding locks.
-- Keep one ratings file and one titles file on the stage (PUT ... OVERWRITE = TRUE does).
EXECUTE IMMEDIATE $$
BEGIN
  BEGIN TRANSACTION;
  DELETE FROM API.DATA.USER_RATINGS;
  COPY INTO API.DATA.USER_RATINGS
    FROM @API.DATA.RECOMMENDER_DATA
    PATTERN = '.*ratings[.]csv([.]gz)?'
    ON_ERROR = ABORT_STATEMENT
    FORCE = TRUE;
  DELETE FROM API.DATA.TITLE;
  COPY INTO API.DATA.TITLE
    FROM @API.DATA.RECOMMENDER_DATA
    PATTERN = '.*titles[.]csv([.]gz)?'
    ON_ERROR = ABORT_STATEMENT
    FORCE = TRUE;
  COMMIT;
  RETURN 'reloaded USER_RATINGS and TITLE from @API.DATA.RECOMMENDER_DATA';
EXCEPTION
  WHEN OTHER THEN
    ROLLBACK;
    RAISE;
END;
$$;

SELECT (SELECT COUNT(*) FROM API.DATA.USER_RATINGS) AS RATINGS,
       (SELECT COUNT(*) FROM API.DATA.TITLE) AS TITLES;
