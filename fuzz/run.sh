#!/usr/bin/env bash
# Runs the fuzz targets, each for SECONDS (default 30), from its seed corpus:
# the repository's fixtures, the committed seeds in fuzz/seeds/<target> (the
# inputs of earlier findings), and what earlier runs kept in
# fuzz/corpus/<target> (not committed). A
# dictionary of the schemas' element and attribute names guides the
# mutations. Findings are written to fuzz/artifacts/<target>/.
#
#   fuzz/run.sh [SECONDS] [TARGET...]       (targets: all by default)
#
# Extra libFuzzer flags go in FUZZ_FLAGS (e.g. FUZZ_FLAGS="-runs=10000000").
# Needs `cargo +nightly fuzz`; says so and stops (exit 0) without it.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(um_envelope ews_envelope json_encode full_schema schema)

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "skipped: cargo-fuzz on a nightly toolchain is not installed (cargo install cargo-fuzz; rustup toolchain install nightly)"
    exit 0
fi

schema_dir="${EWS_SCHEMA_DIR:-$PWD/../../shared/ews-schema}"
export EWS_SCHEMA_DIR="$schema_dir"
have_schema=1
[ -f "$schema_dir/messages.xsd" ] && [ -f "$schema_dir/types.xsd" ] || have_schema=0

# The dictionaries: every name="…" the schemas declare, as a name and as
# the start of a tag, with the XML that decoding treats specially.
mkdir -p dictionaries
make_dictionary() {
    local out="$1"
    shift
    {
        printf '%s\n' '"xmlns=\""' '"xmlns:"' '"xsi:type=\""' '"xsi:nil=\"true\""' \
            '"http://www.w3.org/2001/XMLSchema-instance"' \
            '"http://schemas.xmlsoap.org/soap/envelope/"' \
            '"http://schemas.microsoft.com/exchange/services/2006/messages"' \
            '"http://schemas.microsoft.com/exchange/services/2006/types"' \
            '"<![CDATA["' '"]]>"' '"&#"' '"&amp;"' '"<?xml version=\"1.0\"?>"' '"<!--"' \
            '"<!DOCTYPE"' '"soap:mustUnderstand=\"1\""' '"xml:lang=\""'
        cat "$@" | grep -o 'name="[A-Za-z_][A-Za-z0-9_.-]*"' | cut -d'"' -f2 | sort -u |
            while read -r name; do printf '"%s"\n"<%s"\n' "$name" "$name"; done
    } > "$out"
}
make_dictionary dictionaries/um.dict ../schemas/um/*.xsd ../schemas/ews/*.xsd
if [ "$have_schema" = 1 ]; then
    make_dictionary dictionaries/ews-full.dict "$schema_dir/messages.xsd" "$schema_dir/types.xsd"
fi
{
    printf '%s\n' '"<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""' '"targetNamespace=\""' \
        '"minOccurs=\""' '"maxOccurs=\"unbounded\""' '"substitutionGroup=\""' '"abstract=\"true\""' \
        '"nillable=\"true\""' '"mixed=\"true\""' '"schemaLocation=\""'
    for construct in element complexType simpleType sequence choice all group attribute attributeGroup \
        any anyAttribute extension restriction simpleContent complexContent list union enumeration \
        include import annotation documentation; do
        printf '"<xs:%s"\n"</xs:%s>"\n' "$construct" "$construct"
    done
} > dictionaries/xsd.dict

# The JSON seeds are the fixtures as `ews-um decode` prints them.
json_seeds="$PWD/target/json-seeds"
mkdir -p "$json_seeds"
for xml in ../tests/fixtures/um/*.xml ../tests/fixtures/ews/*.xml; do
    out="$json_seeds/$(basename "$xml" .xml).json"
    [ -s "$out" ] || cargo run --quiet --manifest-path ../Cargo.toml -p ews-um --features cli -- decode "$xml" > "$out"
done

build_log="$PWD/target/build.log"
mkdir -p target
for target in "${targets[@]}"; do
    if ! cargo +nightly fuzz build -O "$target" >"$build_log" 2>&1; then
        cat "$build_log" >&2
        echo "the fuzz target $target does not build" >&2
        exit 1
    fi
done
grep -E '^warning: full_schema' "$build_log" || true

for target in "${targets[@]}"; do
    case "$target" in
        um_envelope) seeds=(../tests/fixtures/um); dict=um.dict ;;
        ews_envelope) seeds=(../tests/fixtures/ews); dict=um.dict ;;
        json_encode) seeds=("$json_seeds"); dict=um.dict ;;
        full_schema)
            if [ "$have_schema" = 0 ]; then
                echo "== $target: skipped: Microsoft's EWS schema is not at $schema_dir (set EWS_SCHEMA_DIR)"
                continue
            fi
            seeds=(../tests/fixtures/ews-full ../tests/fixtures/ews); dict=ews-full.dict ;;
        schema) seeds=(../tests/fixtures/constructs ../schemas/um); dict=xsd.dict ;;
        *) echo "unknown target $target" >&2; exit 2 ;;
    esac
    [ -d "seeds/$target" ] && seeds+=("seeds/$target")
    mkdir -p "corpus/$target" "artifacts/$target"
    echo "== $target: ${seconds} s"
    # -timeout: one input taking over a second is a finding (bounded work);
    # -rss_limit_mb: so is memory beyond 2 GB.
    # -max_len: inputs up to 64 KB, enough for work that grows faster than
    # the input to show.
    log="$PWD/target/$target.log"
    status=0
    cargo +nightly fuzz run -O "$target" "corpus/$target" "${seeds[@]}" -- \
        -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=65536 \
        -dict="dictionaries/$dict" -artifact_prefix="artifacts/$target/" -print_final_stats=1 \
        ${FUZZ_FLAGS:-} >"$log" 2>&1 || status=$?
    grep -E '^(stat::|Done|==[0-9]+==|SUMMARY|INFO: seed corpus)|DONE|panicked|artifact' "$log" || true
    if [ "$status" != 0 ] || compgen -G "artifacts/$target/*" >/dev/null; then
        tail -40 "$log" >&2
        echo "== $target: failed (exit $status); findings, if any, in fuzz/artifacts/$target/" >&2
        exit 1
    fi
done
