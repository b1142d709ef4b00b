-- 12 Lists table: papi's recipe lists (Amazon Personalize's recipes as papi computes them), one row per
-- (list, key), read by the API's /item/{id}/..., /popular/..., /trending and POST /recommendations routes.
-- LIST_NAME: most-viewed, best-sellers, most-popular, trending (global: LIST_KEY '_'), bought-together,
-- also-viewed, similar (LIST_KEY the seed item's id), seen (LIST_KEY a user id: what ?user= removes).
-- ITEMS: a JSON array, best first, of {"item_id": "...", "score": n}.
--
-- You do not need this script when papi publishes: `papi recommend lists --publish --store snowflake` creates
-- the table when absent and replaces its rows in one transaction. Run it to create the table ahead of time, for
-- example to grant it before the service starts (the service role reads it as it reads the lookup table).
-- Hybrid tables: not on trial accounts or in U.S. SnowGov regions (see 06_hybrid_table.sql).
USE ROLE DATA_API_ROLE;
USE WAREHOUSE DATA_API_WH;
USE SCHEMA API.DATA;

CREATE HYBRID TABLE IF NOT EXISTS API.DATA.PAPI_LISTS (
    LIST_NAME VARCHAR(64) NOT NULL,
    LIST_KEY VARCHAR(256) NOT NULL,
    ITEMS VARIANT,
    PRIMARY KEY (LIST_NAME, LIST_KEY)
) COMMENT = 'papi: recipe lists served by the API; replaced by papi recommend lists --publish';

-- What the API runs, both keys bound as parameters (here literals to try it by hand):
SELECT TO_JSON(ITEMS) FROM API.DATA.PAPI_LISTS WHERE LIST_NAME = 'trending' AND LIST_KEY = '_';
