#!/usr/bin/env bash
# Sets up a fresh machine (installs liblmdb-dev when missing), builds tthc and runs the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/ensure-dependencies.sh
swift build -c release --product tthc

exec .build/release/tthc demo "$@"
