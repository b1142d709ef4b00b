#!/usr/bin/env bash
# Regenerates the settings table in docs/configuration.md from Setting.java (after mvn package).
set -euo pipefail
cd "$(dirname "$0")/.."
doc=docs/configuration.md
table="$(java -cp 'cli/target/papi.jar:cli/target/lib/*' io.papi.cli.config.ConfigurationTable)"
python3 - "$doc" "$table" <<'PY'
import sys
doc, table = sys.argv[1], sys.argv[2]
s = open(doc).read()
a = s.index('<!-- settings table: generated -->') + len('<!-- settings table: generated -->\n')
b = s.index('<!-- end of settings table -->')
open(doc, 'w').write(s[:a] + table + '\n' + s[b:])
PY
