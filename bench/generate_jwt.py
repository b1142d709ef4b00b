#!/usr/bin/env python3
"""A small stand-in for the Snowflake guide's generateJWT.py, written for papi's start-up benchmark.

Reads an unencrypted PKCS#8 private key, computes the public key's SHA256 fingerprint and prints a key-pair
JWT (RS256) with the claims Snowflake checks: iss = ACCOUNT.USER.SHA256:<fp>, sub = ACCOUNT.USER, iat, exp.
Usage: generate_jwt.py ACCOUNT USER PRIVATE_KEY_FILE [--fingerprint]
"""
import base64
import hashlib
import sys
import time

import jwt
from cryptography.hazmat.primitives import serialization


def account_part(account):
    # the account identifier without region, cloud or privatelink suffix, upper case
    return account.split(".")[0].upper()


def main(argv):
    if len(argv) not in (4, 5):
        sys.exit("usage: generate_jwt.py ACCOUNT USER PRIVATE_KEY_FILE [--fingerprint]")
    account, user, key_file = account_part(argv[1]), argv[2].upper(), argv[3]
    with open(key_file, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    der = key.public_key().public_bytes(serialization.Encoding.DER,
                                        serialization.PublicFormat.SubjectPublicKeyInfo)
    fingerprint = "SHA256:" + base64.b64encode(hashlib.sha256(der).digest()).decode()
    if argv[4:] == ["--fingerprint"]:
        print(fingerprint)
        return
    qualified = account + "." + user
    now = int(time.time())
    claims = {"iss": qualified + "." + fingerprint, "sub": qualified, "iat": now, "exp": now + 59 * 60}
    print(jwt.encode(claims, key, algorithm="RS256"))


if __name__ == "__main__":
    main(sys.argv)
