-- 11 Service user: the identity applications call the API as, with key-pair authentication only.
-- Make the key pair with `papi keygen` (or Snowflake's openssl commands) and paste the public key's base64
-- body, without the BEGIN/END lines, in place of <RSA_PUBLIC_KEY>. Never paste a private key here.
USE ROLE ACCOUNTADMIN;

CREATE USER IF NOT EXISTS SVC_DATA_API
  TYPE = SERVICE
  DEFAULT_ROLE = DATA_API_ROLE
  DEFAULT_WAREHOUSE = DATA_API_WH
  DEFAULT_NAMESPACE = 'API.DATA'
  RSA_PUBLIC_KEY = '<RSA_PUBLIC_KEY>'
  COMMENT = 'papi: calls the lookup API with session tokens minted from key-pair JWTs';

-- DATA_API_ROLE owns the service, so it may use the endpoint. For callers that should do nothing else, give
-- their role only the service role instead:
--   GRANT SERVICE ROLE API.DATA.API!ALL_ENDPOINTS_USAGE TO ROLE <caller role>;
GRANT ROLE DATA_API_ROLE TO USER SVC_DATA_API;

-- RSA_PUBLIC_KEY_FP must equal the fingerprint papi keygen printed (SHA256:...)
DESCRIBE USER SVC_DATA_API;

-- Key rotation, two slots: add the new key, switch callers, then drop the old one.
--   ALTER USER SVC_DATA_API SET RSA_PUBLIC_KEY_2 = '<NEW_RSA_PUBLIC_KEY>';
--   ALTER USER SVC_DATA_API UNSET RSA_PUBLIC_KEY;
