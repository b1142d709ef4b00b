#!/usr/bin/env bash
# Prints the JDK modules papi uses, as jdeps finds them in cli/target/papi.jar and cli/target/lib/ (about 25 s,
# so the build does not run it): compare with papi.runtime.modules in cli/pom.xml after changing dependencies.
set -euo pipefail
cd "$(dirname "$0")/../cli/target"
jdk="${PAPI_RUNTIME_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
"$jdk/bin/jdeps" -q --ignore-missing-deps --multi-release 17 --print-module-deps --class-path 'lib/*' papi.jar lib/*.jar
