-- 11 Service user: the identity applications call the API as, with key-pair authentication only, and the only
-- privilege it has: calling the service's endpoints.
-- Make the key pair with `papi keygen` (or Snowflake's openssl commands) and paste the public key's base64
-- body, without the BEGIN/END lines, in place of <RSA_PUBLIC_KEY>. Never paste a private key here.
-- `papi user create -c <admin connection>` runs the same statements and then checks the key's fingerprint.

-- 1. The caller role may use the endpoints of API.DATA.API and nothing else: not the warehouse, not the tables,
--    not the service itself. ALL_ENDPOINTS_USAGE is the service role every service has, with USAGE on all its
--    endpoints. Only the service's owner may grant a service role, so this runs as DATA_API_ROLE.
USE ROLE DATA_API_ROLE;
GRANT SERVICE ROLE API.DATA.API!ALL_ENDPOINTS_USAGE TO ROLE DATA_API_CALLER_ROLE;

-- 2. The user. CREATE USER needs CREATE USER on the account (USERADMIN has it); GRANT ROLE needs ownership of
--    the role or MANAGE GRANTS (SECURITYADMIN has it), so a USERADMIN alone cannot finish this step.
USE ROLE ACCOUNTADMIN;

CREATE USER IF NOT EXISTS SVC_DATA_API
  TYPE = SERVICE
  DEFAULT_ROLE = DATA_API_CALLER_ROLE
  RSA_PUBLIC_KEY = '<RSA_PUBLIC_KEY>'
  COMMENT = 'papi: calls the lookup API with session tokens minted from key-pair JWTs';

GRANT ROLE DATA_API_CALLER_ROLE TO USER SVC_DATA_API;

-- RSA_PUBLIC_KEY_FP must equal the fingerprint papi keygen printed (SHA256:...). CREATE USER IF NOT EXISTS leaves
-- a user that already existed as it was, old key included: then register the new key with the rotation below.
DESCRIBE USER SVC_DATA_API;

-- Key rotation, two slots: add the new key, switch callers, then drop the old one.
--   ALTER USER SVC_DATA_API SET RSA_PUBLIC_KEY_2 = '<NEW_RSA_PUBLIC_KEY>';
--   ALTER USER SVC_DATA_API UNSET RSA_PUBLIC_KEY;
