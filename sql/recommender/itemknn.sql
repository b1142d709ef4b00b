-- papi: item-based kNN in a Snowflake warehouse, for catalogues too large for EASE's item x item inverse.
--
-- The same model as papi's in-memory `itemknn` (io.papi.recommender.algorithm.ItemKnnModel):
--   X            binary user x item interactions (a user rated an item, whatever the value)
--   sim(i, j)  = |U_i ∩ U_j| / (sqrt(|U_i| * |U_j|) + SHRINKAGE)      cosine of rater sets, shrunk
--   neighbours   each target item j keeps its NEIGHBOURS most similar items i (ties to the lower item id)
--   score(u, j)= sum of sim(i, j) over the items i that u rated and that are among j's neighbours
--   top-N        per user, the TOP_N highest scores among items the user has not rated (ties to the lower id)
-- One difference: in memory a user with fewer than TOP_N reachable items is topped up with zero-score items;
-- here such a user simply gets fewer rows.
--
-- Input: USER_RATINGS (USER_ID, ITEM_ID, RATING, TIMESTAMP) and TITLE (ITEM_ID, TITLE), as in the guide.
-- Output: MOVIE_RECOMMENDATIONS (USER_ID NUMBER(38,0), RECOMMENDATIONS VARIANT) and the hybrid lookup table
-- MOVIE_RECOMMENDATIONS_HYBRID (USER_ID NUMBER(38,0) NOT NULL PRIMARY KEY, RECOMMENDATIONS VARIANT), replaced in one
-- transaction. USER_ID has USER_RATINGS' numeric ids; for ids that are not numbers, create both tables with
-- USER_ID VARCHAR(256) before running this (CREATE ... IF NOT EXISTS below then keeps them).
-- Elements: {"item_id": .., "movie_name": .., "movie_score": "12.34"}, as papi publishes them.
--
-- Cost: the self-join produces sum over users of |items of u|^2 rows before grouping (about 20 million for
-- MovieLens 100K, 1.4 billion for ML-20M); run it on a warehouse sized for that, e.g. MEDIUM or larger for tens
-- of millions of ratings. Nothing here holds an item x item matrix in one place.
--
-- Run with the context set (USE ROLE / WAREHOUSE / DATABASE / SCHEMA), e.g.
--   snow sql -f sql/recommender/itemknn.sql

SET NEIGHBOURS = 200;   -- k: papi's default, tuned on synthetic data (docs/recommender.md)
SET SHRINKAGE = 0;      -- h: 0 measured best on synthetic data; 10 to 100 damps similarities from few co-raters
SET TOP_N = 10;

-- portable: begin (plain SQL from here to "portable: end"; papi's tests run it on H2 against the Java model)

-- 1. X: one row per user and item they rated.
CREATE OR REPLACE TEMPORARY TABLE PAPI_INTERACTIONS AS
SELECT DISTINCT USER_ID, ITEM_ID FROM USER_RATINGS;

-- 2. |U_i|: raters per item.
CREATE OR REPLACE TEMPORARY TABLE PAPI_ITEM_RATERS AS
SELECT ITEM_ID, COUNT(*) AS RATERS FROM PAPI_INTERACTIONS GROUP BY ITEM_ID;

-- 3. |U_i ∩ U_j|: co-occurrence through a self-join on the user.
CREATE OR REPLACE TEMPORARY TABLE PAPI_COOCCURRENCE AS
SELECT a.ITEM_ID AS ITEM_I, b.ITEM_ID AS ITEM_J, COUNT(*) AS BOTH_RATED
FROM PAPI_INTERACTIONS a
JOIN PAPI_INTERACTIONS b ON b.USER_ID = a.USER_ID AND b.ITEM_ID <> a.ITEM_ID
GROUP BY a.ITEM_ID, b.ITEM_ID;

-- 4. Shrunk cosine, and the NEIGHBOURS most similar items i of each target j.
CREATE OR REPLACE TEMPORARY TABLE PAPI_NEIGHBOURS AS
SELECT ITEM_I, ITEM_J, SIMILARITY
FROM (
    SELECT s.ITEM_I, s.ITEM_J, s.SIMILARITY,
           ROW_NUMBER() OVER (PARTITION BY s.ITEM_J ORDER BY s.SIMILARITY DESC, s.ITEM_I) AS RANK_IN_TARGET
    FROM (
        SELECT c.ITEM_I, c.ITEM_J,
               c.BOTH_RATED / (SQRT(CAST(ri.RATERS AS DOUBLE) * rj.RATERS) + $SHRINKAGE) AS SIMILARITY
        FROM PAPI_COOCCURRENCE c
        JOIN PAPI_ITEM_RATERS ri ON ri.ITEM_ID = c.ITEM_I
        JOIN PAPI_ITEM_RATERS rj ON rj.ITEM_ID = c.ITEM_J
    ) s
) ranked
WHERE RANK_IN_TARGET <= $NEIGHBOURS;

-- 5. Scores of every reachable item for every user, then the user's own items removed (anti-join).
CREATE OR REPLACE TEMPORARY TABLE PAPI_SCORES AS
SELECT summed.USER_ID, summed.ITEM_ID, summed.SCORE
FROM (
    SELECT x.USER_ID, n.ITEM_J AS ITEM_ID, SUM(n.SIMILARITY) AS SCORE
    FROM PAPI_INTERACTIONS x
    JOIN PAPI_NEIGHBOURS n ON n.ITEM_I = x.ITEM_ID
    GROUP BY x.USER_ID, n.ITEM_J
) summed
LEFT JOIN PAPI_INTERACTIONS seen ON seen.USER_ID = summed.USER_ID AND seen.ITEM_ID = summed.ITEM_ID
WHERE seen.USER_ID IS NULL;

-- 6. Top-N per user.
CREATE OR REPLACE TEMPORARY TABLE PAPI_TOP_N AS
SELECT USER_ID, ITEM_ID, SCORE, RANK_IN_USER
FROM (
    SELECT USER_ID, ITEM_ID, SCORE,
           ROW_NUMBER() OVER (PARTITION BY USER_ID ORDER BY SCORE DESC, ITEM_ID) AS RANK_IN_USER
    FROM PAPI_SCORES
) ranked
WHERE RANK_IN_USER <= $TOP_N;

-- portable: end

-- 7. Publish: the batch table, then the hybrid lookup table from it, in one transaction (Snowflake runs atomic
--    transactions across hybrid and standard tables), so the API never sees a half-written set.
--    The tables as the lookup-table contract creates them (io.papi.lookup.LookupDdl, numeric ids; a test checks).
CREATE TABLE IF NOT EXISTS MOVIE_RECOMMENDATIONS (USER_ID NUMBER(38,0), RECOMMENDATIONS VARIANT);
CREATE HYBRID TABLE IF NOT EXISTS MOVIE_RECOMMENDATIONS_HYBRID (USER_ID NUMBER(38,0) NOT NULL PRIMARY KEY, RECOMMENDATIONS VARIANT);

BEGIN;
DELETE FROM MOVIE_RECOMMENDATIONS;
INSERT INTO MOVIE_RECOMMENDATIONS (USER_ID, RECOMMENDATIONS)
SELECT t.USER_ID,
       ARRAY_AGG(OBJECT_CONSTRUCT(
               'item_id', t.ITEM_ID,
               'movie_name', COALESCE(ti.TITLE, TO_VARCHAR(t.ITEM_ID)),
               'movie_score', TO_VARCHAR(ROUND(t.SCORE, 2), 'FM999999999990.00')))
           WITHIN GROUP (ORDER BY t.RANK_IN_USER)
FROM PAPI_TOP_N t
LEFT JOIN TITLE ti ON ti.ITEM_ID = t.ITEM_ID
GROUP BY t.USER_ID;
DELETE FROM MOVIE_RECOMMENDATIONS_HYBRID;
INSERT INTO MOVIE_RECOMMENDATIONS_HYBRID (USER_ID, RECOMMENDATIONS)
SELECT USER_ID, RECOMMENDATIONS FROM MOVIE_RECOMMENDATIONS;
COMMIT;

DROP TABLE IF EXISTS PAPI_INTERACTIONS;
DROP TABLE IF EXISTS PAPI_ITEM_RATERS;
DROP TABLE IF EXISTS PAPI_COOCCURRENCE;
DROP TABLE IF EXISTS PAPI_NEIGHBOURS;
DROP TABLE IF EXISTS PAPI_SCORES;
DROP TABLE IF EXISTS PAPI_TOP_N;
