#!/usr/bin/env bash
# The test command: installs what is missing, checks formatting, runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/ensure-dependencies.sh
# Generated protobuf code is exempt from formatting.
swift format lint --strict -r Sources/LMDB Sources/Ledger Sources/TTHCReports Sources/TTHCImport Sources/tthc \
  Sources/TTHCDomain/Calendar Sources/TTHCDomain/Events Sources/TTHCDomain/Units Sources/TTHCDomain/State Tests \
  $(find Tools -name '*.swift' -printf '%h\n' | sort -u)
swift build --build-tests
swift test --skip-build
