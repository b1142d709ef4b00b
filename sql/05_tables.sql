-- 05 Tables: the guide's ratings and titles, loaded from the stage, and the batch output
-- MOVIE_RECOMMENDATIONS (one row per user, recommendations as a JSON array in a VARIANT).
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

CREATE TABLE IF NOT EXISTS API.DATA.MOVIE_RECOMMENDATIONS (
    USER_ID         NUMBER(38,0) NOT NULL,
    RECOMMENDATIONS VARIANT
) COMMENT = 'papi: batch recommendations, [{"item_id", "movie_name", "movie_score"}, ...] per user';

-- Load the staged CSVs (their columns are in the tables' order). A bad row stops the load and names its
-- file and line.
COPY INTO API.DATA.USER_RATINGS
  FROM @API.DATA.RECOMMENDER_DATA
  PATTERN = '.*ratings[.]csv([.]gz)?'
  ON_ERROR = ABORT_STATEMENT;

COPY INTO API.DATA.TITLE
  FROM @API.DATA.RECOMMENDER_DATA
  PATTERN = '.*titles[.]csv([.]gz)?'
  ON_ERROR = ABORT_STATEMENT;

-- MOVIE_RECOMMENDATIONS is written by `papi recommend --publish snowflake` (or sql/recommender/itemknn.sql).
SELECT (SELECT COUNT(*) FROM API.DATA.USER_RATINGS) AS RATINGS,
       (SELECT COUNT(*) FROM API.DATA.TITLE) AS TITLES,
       (SELECT COUNT(*) FROM API.DATA.MOVIE_RECOMMENDATIONS) AS USERS_WITH_RECOMMENDATIONS;
