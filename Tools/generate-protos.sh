#!/usr/bin/env bash
# Regenerates the Swift code for the event payloads from the .proto files under Proto/.
#
#   Tools/generate-protos.sh
#
# Input:  Proto/**/*.proto (proto paths are relative to Proto/, e.g. tthc/v1/events.proto).
# Output: Sources/TTHCDomain/Generated/<same path>.pb.swift, e.g.
#         Sources/TTHCDomain/Generated/tthc/v1/events.pb.swift — committed, never edited by hand.
#
# The plugin, protoc-gen-swift, is built from the swift-protobuf version the package resolves, so
# the generated code always matches the runtime library it is compiled against. It is built in
# its own scratch folder, .build-protoc (git-ignored), so it neither disturbs nor waits for the
# main .build; the first build takes about ten minutes on a two-core machine, later runs reuse it.
#
# Needs `protoc` (Debian: apt-get install protobuf-compiler), which also provides the
# google/protobuf/*.proto well-known types. Set PROTOC to use another binary.
set -euo pipefail

cd "$(dirname "$0")/.."

PROTOC="${PROTOC:-protoc}"
PROTO_ROOT=Proto
OUT_DIR=Sources/TTHCDomain/Generated
SCRATCH=.build-protoc

if ! command -v "$PROTOC" >/dev/null 2>&1; then
    echo "error: protoc not found; install it with 'apt-get install protobuf-compiler' or set PROTOC" >&2
    exit 1
fi

echo "Building protoc-gen-swift in $SCRATCH ..." >&2
swift build -c release --product protoc-gen-swift --scratch-path "$SCRATCH"
PLUGIN="$(swift build -c release --product protoc-gen-swift --scratch-path "$SCRATCH" --show-bin-path)/protoc-gen-swift"

mapfile -t PROTOS < <(cd "$PROTO_ROOT" && find . -name '*.proto' -printf '%P\n' | LC_ALL=C sort)
if [ "${#PROTOS[@]}" -eq 0 ]; then
    echo "error: no .proto files under $PROTO_ROOT" >&2
    exit 1
fi

# Generated files of protos that were removed or renamed must not linger.
mkdir -p "$OUT_DIR"
find "$OUT_DIR" -name '*.pb.swift' -delete

echo "$("$PROTOC" --version), $("$PLUGIN" --version)" >&2
"$PROTOC" \
    --plugin=protoc-gen-swift="$PLUGIN" \
    --proto_path="$PROTO_ROOT" \
    --swift_opt=Visibility=Public \
    --swift_opt=FileNaming=FullPath \
    --swift_out="$OUT_DIR" \
    "${PROTOS[@]}"

find "$OUT_DIR" -name '*.pb.swift' | LC_ALL=C sort
