#!/usr/bin/env bash
# Microsoft's whole EWS schema: emit every top-level element into the
# scratch crate tests/full-schema (a directory module), build it, and run its
# round trips of EWS messages. Skipped, saying why, without the schema.
set -euo pipefail
cd "$(dirname "$0")/.."

schema_dir="${EWS_SCHEMA_DIR:-../shared/ews-schema}"
if [ ! -f "$schema_dir/messages.xsd" ] || [ ! -f "$schema_dir/types.xsd" ]; then
    echo "skipped: Microsoft's EWS schema is not at $schema_dir (set EWS_SCHEMA_DIR to the folder holding messages.xsd and types.xsd)"
    exit 0
fi

export CARGO_INCREMENTAL=0
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
crate=tests/full-schema

cargo build --quiet --release -p ews-um-codegen
/usr/bin/time -f "emit --all-elements: %e s wall, %M KB max RSS" \
    "$CARGO_TARGET_DIR/release/ews-um-codegen" emit \
    --schema "$schema_dir/messages.xsd" --schema "$schema_dir/types.xsd" \
    --all-elements --out "$crate/src/ews"
# And as one file: the same code must compile either way.
"$CARGO_TARGET_DIR/release/ews-um-codegen" emit \
    --schema "$schema_dir/messages.xsd" --schema "$schema_dir/types.xsd" \
    --all-elements --out "$crate/src/ews_file.rs"
bytes=$(cat "$crate"/src/ews/*.rs | wc -c)
lines=$(cat "$crate"/src/ews/*.rs | wc -l)
echo "generated: $bytes bytes, $lines lines in $(ls "$crate"/src/ews | wc -l) files"

cp Cargo.lock "$crate/"
start=$(date +%s)
cargo build --quiet --manifest-path "$crate/Cargo.toml"
echo "cargo build (debug, both modules): $(( $(date +%s) - start )) s"
cargo test --quiet --manifest-path "$crate/Cargo.toml"
# The generated code passes the lints hand-written code does.
cargo clippy --quiet --manifest-path "$crate/Cargo.toml" --all-targets -- -D warnings
rustfmt --edition 2024 --check "$crate"/tests/*.rs
