#!/usr/bin/env bash
# Each fuzz target briefly (FUZZ_SECONDS, default 25) from its seed corpus,
# installing cargo-fuzz first where a nightly toolchain is there but it is
# not. Skipped, saying why, without a nightly toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "skipped: no nightly toolchain (rustup toolchain install nightly), which cargo-fuzz needs"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz"
    cargo install --quiet --locked cargo-fuzz
fi
# A failed run leaves its findings in fuzz/artifacts/<target>/.
bash fuzz/run.sh "${FUZZ_SECONDS:-25}"
