#!/usr/bin/env bash
# `ews-um-codegen emit` writes a module that compiles and works in any crate
# that depends on ews-um: emit the EWS UM operations (from Microsoft's schema
# when it is at hand, else from schemas/ews/) into a scratch crate, and test it.
set -euo pipefail
cd "$(dirname "$0")/.."

schema_dir="${EWS_SCHEMA_DIR:-../shared/ews-schema}"
if [ -f "$schema_dir/messages.xsd" ]; then
    schemas=(--schema "$schema_dir/messages.xsd" --schema "$schema_dir/types.xsd")
    echo "emitting from Microsoft's schema in $schema_dir"
else
    schemas=(--schema schemas/ews/ews-messages.xsd)
    echo "Microsoft's schema is not at $schema_dir (set EWS_SCHEMA_DIR): emitting from schemas/ews/"
fi

scratch=target/emit-check
rm -rf "$scratch" && mkdir -p "$scratch/src"
elements=()
for e in PlayOnPhone PlayOnPhoneResponse GetPhoneCallInformation GetPhoneCallInformationResponse \
         DisconnectPhoneCall DisconnectPhoneCallResponse; do
    elements+=(--element "$e")
done
cargo run --quiet -p ews-um-codegen -- emit "${schemas[@]}" "${elements[@]}" --out "$scratch/src/phone.rs"
# Several versions of a schema as one module, written as a directory.
shop=tests/fixtures/versions
versions=()
for v in 2019 2021 2023; do
    versions+=(--version "Shop$v=$shop/shop$v/shop.xsd,$shop/shop$v/shop.wsdl")
done
mkdir -p "$scratch/src/shop"
cargo run --quiet -p ews-um-codegen -- emit "${versions[@]}" --all-elements --out "$scratch/src/shop"

cat > "$scratch/Cargo.toml" <<TOML
[package]
name = "emit-check"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
ews-um = { path = "../../generated" }

[workspace]
TOML
cp Cargo.lock "$scratch/"
cat > "$scratch/src/lib.rs" <<'RUST'
#![deny(warnings)]
#![allow(missing_docs)]

pub mod phone;
pub mod shop;

#[test]
fn a_module_of_versions_written_as_a_directory_checks_requests() {
    let track = shop::TrackOrder("o-1".into());
    let error = shop::VERSIONS.check(&track, "Shop2019").unwrap_err();
    assert_eq!(
        error.to_string(),
        "/TrackOrder: Shop2019 has no element TrackOrder (it came with Shop2021)"
    );
    assert!(shop::VERSIONS.check(&track, "Shop2023").is_ok());
}

#[test]
fn the_documented_response_decodes() {
    let bytes = include_bytes!("../../../tests/fixtures/ews/get_phone_call_information_response.xml");
    let reply = ews_um::Envelope::<phone::GetPhoneCallInformationResponse>::decode(bytes).unwrap();
    let info = reply.body.phone_call_information.unwrap();
    assert_eq!(info.phone_call_state, phone::PhoneCallStateType::Connected);
    let again = ews_um::Envelope::new(phone::GetPhoneCallInformation {
        phone_call_id: phone::PhoneCallIdType { id: "NDDY5uY29y9t".into() },
    });
    assert!(again.encode().is_ok());
}
RUST
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}" cargo test --quiet --manifest-path "$scratch/Cargo.toml"
