#!/usr/bin/env bash
# Sets up a fresh machine (installs liblmdb-dev when missing), builds tthc and runs the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/ensure-dependencies.sh
swift build -c release --product tthc
demo_dir="${1:-$(mktemp -d)/tthc-demo}"
.build/release/tthc init --ledger "$demo_dir"
.build/release/tthc verify --ledger "$demo_dir"
.build/release/tthc stats --ledger "$demo_dir"
