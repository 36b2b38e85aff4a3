//! The table of ratios: criterion's medians from this run, allocation
//! counts, and the generator's figures, against the targets.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use ews_um::{Envelope, ews, um};
use ews_um_codegen::Builder;
use ews_um_codegen::config::ConfigFile;

use crate::xsd_parser_model as xsdp;
use crate::{
    ews_crate, find_item, fixtures, get_attachment, get_item, hand, serde_model, sync_folder_items,
};

pub const GET_CALL_INFO: &str = "get_call_info";
pub const GET_PHONE_CALL_INFORMATION: &str = "get_phone_call_information";
pub const GET_UM_PROPERTIES: &str = "get_um_properties_1mb";
pub const PLAY_ON_PHONE: &str = "play_on_phone";
pub const FIND_ITEM: &str = "find_item_200_items";
pub const GET_ITEM: &str = "get_item_100_bodies";
pub const SYNC_FOLDER_ITEMS: &str = "sync_folder_items_1000_changes";
pub const GET_ATTACHMENT: &str = "get_attachment_10mb";

/// The responses at scale: their names, and their targets — the share of
/// the floor's MB/s, and ews-um's time over the `ews` crate's.
const AT_SCALE: [(&str, Option<Target>, Option<Target>); 4] = [
    (FIND_ITEM, Some(("≥ 75 %", 0.75)), Some(("≤ 0.5×", 0.5))),
    (GET_ITEM, None, None),
    (SYNC_FOLDER_ITEMS, None, None),
    (GET_ATTACHMENT, None, None),
];

/// The heap figures: the heap a decoded value holds over the input's
/// bytes, and the peak heap while decoding over the input's bytes.
const HEAP: [(&str, Option<Target>, Option<Target>); 4] = [
    (FIND_ITEM, Some(("≤ 1.2", 1.2)), None),
    (GET_ITEM, None, None),
    (SYNC_FOLDER_ITEMS, None, None),
    (GET_ATTACHMENT, None, Some(("≤ 2.0", 2.0))),
];

/// A target as the table shows it, and its limit.
type Target = (&'static str, f64);

const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// Panics unless every decoder reads the same information from the same
/// bytes, and every encoder writes a request ews-um reads back the same.
pub fn check_baselines() {
    let ours = Envelope::<um::GetCallInfoResponse>::decode(fixtures::GET_CALL_INFO_RESPONSE)
        .unwrap()
        .body;
    let text = std::str::from_utf8(fixtures::GET_CALL_INFO_RESPONSE).unwrap();
    assert_eq!(
        hand::get_call_info_response(fixtures::GET_CALL_INFO_RESPONSE).unwrap(),
        ours
    );
    assert_eq!(
        serde_model::get_call_info_response(text)
            .unwrap()
            .to_ews_um(),
        ours
    );
    let theirs = xsdp::decode::<xsdp::get_call_info::Envelope>(text).unwrap();
    assert_eq!(
        format!(
            "{:?}",
            theirs
                .body
                .get_call_info_response
                .get_call_info_response
                .call_state
        ),
        "Connected"
    );

    let bytes = fixtures::GET_PHONE_CALL_INFORMATION_RESPONSE;
    let ours =
        Envelope::<ews::GetPhoneCallInformationResponse, Option<ews::ServerVersionInfo>>::decode(
            bytes,
        )
        .unwrap();
    assert_eq!(
        hand::get_phone_call_information_response(bytes).unwrap(),
        (ours.header.clone(), ours.body.clone())
    );
    let text = std::str::from_utf8(bytes).unwrap();
    let serde = serde_model::get_phone_call_information_response(text).unwrap();
    assert_eq!(
        serde.state(),
        ours.body
            .phone_call_information
            .as_ref()
            .map(|i| i.phone_call_state.clone())
    );
    let information = serde
        .body
        .response
        .information
        .as_ref()
        .expect("the information");
    assert_eq!(information.cause, "None");
    assert_eq!(
        serde.body.response.response_code.as_deref(),
        Some("NoError")
    );
    let build = serde
        .header
        .and_then(|h| h.info)
        .and_then(|i| i.major_build_number);
    assert_eq!(build, Some(639));
    let theirs = xsdp::decode::<xsdp::get_phone_call_information::Envelope>(text).unwrap();
    let theirs = format!("{theirs:?}");
    for value in [
        "Connected",
        "None",
        "NoError",
        "Success",
        "639",
        "Exchange2010",
    ] {
        assert!(
            theirs.contains(value),
            "xsd-parser's decoder lost {value}: {theirs}"
        );
    }

    let large = fixtures::large_um_properties_response();
    let ours = Envelope::<um::GetUmPropertiesResponse>::decode(&large)
        .unwrap()
        .body;
    assert_eq!(hand::get_um_properties_response(&large).unwrap(), ours);
    let text = std::str::from_utf8(&large).unwrap();
    assert_eq!(
        serde_model::get_um_properties_response(text)
            .unwrap()
            .to_ews_um(),
        ours
    );
    let theirs = xsdp::decode::<xsdp::get_um_properties::Envelope>(text).unwrap();
    let props = theirs
        .body
        .get_um_properties_response
        .get_um_properties_response;
    assert_eq!(
        props.telephone_access_folder_email,
        ours.get_um_properties_response
            .telephone_access_folder_email
    );

    // The concatenation floor is sized right: it never grows its buffer.
    let concatenated = [
        hand::concat_get_call_info(fixtures::CALL_ID),
        hand::concat_play_on_phone(fixtures::ENTRY_ID, fixtures::DIAL_STRING),
    ];
    for bytes in concatenated {
        assert_eq!(bytes.len(), bytes.capacity());
    }
    let request = um::GetCallInfo {
        call_id: fixtures::CALL_ID.into(),
    };
    for bytes in [
        hand::concat_get_call_info(fixtures::CALL_ID),
        hand::writer_get_call_info(fixtures::CALL_ID),
        serde_model::get_call_info_request(fixtures::CALL_ID).into_bytes(),
    ] {
        assert_eq!(
            Envelope::<um::GetCallInfo>::decode(&bytes).unwrap().body,
            request
        );
    }
    let request = um::PlayOnPhone {
        entry_id: fixtures::ENTRY_ID.into(),
        dial_string: fixtures::DIAL_STRING.into(),
    };
    for bytes in [
        hand::concat_play_on_phone(fixtures::ENTRY_ID, fixtures::DIAL_STRING),
        hand::writer_play_on_phone(fixtures::ENTRY_ID, fixtures::DIAL_STRING),
        serde_model::play_on_phone_request(fixtures::ENTRY_ID, fixtures::DIAL_STRING).into_bytes(),
    ] {
        assert_eq!(
            Envelope::<um::PlayOnPhone>::decode(&bytes).unwrap().body,
            request
        );
    }

    check_at_scale();
}

/// Panics unless ews-um (with Microsoft's schema, when it is at hand) and
/// the `ews` crate read as many items and changes from each large response
/// as it was built with, and ews-um reads the whole attachment.
fn check_at_scale() {
    check_find_item(&find_item::find_item_response(200), 200);
    check_get_item(&get_item::get_item_response(100), 100);
    check_sync_folder_items(&sync_folder_items::sync_folder_items_response(1000), 1000);
    check_get_attachment(
        &get_attachment::get_attachment_response(),
        get_attachment::ATTACHMENT_BYTES,
    );
}

/// Panics unless the `ews` crate and ews-um (when Microsoft's schema was at
/// hand) read `items` items from the FindItem response `bytes`.
pub fn check_find_item(bytes: &[u8], items: usize) {
    check_count(
        "FindItem items",
        items,
        find_item::decode_and_count(bytes),
        || ews_crate::find_item_count(&ews_crate::find_item(bytes).unwrap()),
    );
}

/// Panics unless the `ews` crate and ews-um (when Microsoft's schema was at
/// hand) read `items` items from the GetItem response `bytes`.
pub fn check_get_item(bytes: &[u8], items: usize) {
    check_count(
        "GetItem items",
        items,
        get_item::decode_and_count(bytes),
        || ews_crate::get_item_count(&ews_crate::get_item(bytes).unwrap()),
    );
}

/// Panics unless the `ews` crate and ews-um (when Microsoft's schema was at
/// hand) read `changes` changes from the SyncFolderItems response `bytes`.
pub fn check_sync_folder_items(bytes: &[u8], changes: usize) {
    let ours = sync_folder_items::decode_and_count(bytes);
    check_count("SyncFolderItems changes", changes, ours, || {
        ews_crate::sync_folder_items_count(&ews_crate::sync_folder_items(bytes).unwrap())
    });
}

/// Panics unless ews-um (what it counted, when Microsoft's schema was at
/// hand), then the `ews` crate, count `expected` of `what`: ews-um first,
/// so that a test of a short message fails on its check.
fn check_count(what: &str, expected: usize, ours: Option<usize>, theirs: impl FnOnce() -> usize) {
    if let Some(ours) = ours {
        assert_eq!(ours, expected, "ews-um's {what}");
    }
    assert_eq!(theirs(), expected, "the ews crate's {what}");
}

/// Panics unless ews-um (when Microsoft's schema was at hand) reads from
/// the GetAttachment response `bytes` the whole content of an attachment
/// of `attachment` bytes (the `ews` crate has no GetAttachment).
pub fn check_get_attachment(bytes: &[u8], attachment: usize) {
    if let Some(ours) = get_attachment::decode_and_measure(bytes) {
        assert_eq!(ours, attachment, "ews-um's attachment content, in bytes");
    }
}

/// Everything the table shows.
pub struct Report {
    rows: Vec<Row>,
}

struct Row {
    figure: String,
    measured: String,
    target: &'static str,
    met: Option<bool>,
}

impl Report {
    /// Reads the medians measured since `started` (older results on disk
    /// are not this run's) and measures the rest; `count_allocations` is
    /// the binary that counts allocations.
    pub fn gather(started: SystemTime, count_allocations: &str) -> Report {
        let criterion = criterion_dir();
        let median = |group: &str, id: &str| median_ns(&criterion.join(group).join(id), started);
        let mut rows = Vec::new();
        let mut row =
            |figure: String, measured: String, target: &'static str, met: Option<bool>| {
                rows.push(Row {
                    figure,
                    measured,
                    target,
                    met,
                });
            };

        for message in [GET_CALL_INFO, GET_PHONE_CALL_INFORMATION, GET_UM_PROPERTIES] {
            let group = format!("decode_{message}");
            let (Some(floor), Some(ours)) = (median(&group, "floor"), median(&group, "ews-um"))
            else {
                continue;
            };
            let main = message == GET_CALL_INFO;
            row(
                format!("decode {message}: ews-um {}, floor {}", ns(ours), ns(floor)),
                ratio(ours, floor),
                if main { "≤ 1.15×" } else { "" },
                main.then_some(ours / floor <= 1.15),
            );
            if message == GET_UM_PROPERTIES {
                let share = floor / ours;
                row(
                    format!("decode {message}: share of the floor's MB/s"),
                    format!("{:.0} %", share * 100.0),
                    "≥ 75 %",
                    Some(share >= 0.75),
                );
            }
            for (alternative, target, limit) in [
                ("hand", "", None),
                ("serde", "≤ 0.6×", Some(0.6)),
                ("xsd-parser", "≤ 0.55×", Some(0.55)),
            ] {
                if let Some(theirs) = median(&group, alternative) {
                    let limit = limit.filter(|_| main);
                    row(
                        format!(
                            "decode {message}: ews-um / {alternative} ({}; {alternative} / floor {})",
                            ns(theirs),
                            ratio(theirs, floor)
                        ),
                        ratio(ours, theirs),
                        if limit.is_some() { target } else { "" },
                        limit.map(|l| ours / theirs <= l),
                    );
                }
            }
        }
        for (message, share_target, ews_target) in AT_SCALE {
            let group = format!("decode_{message}");
            let (Some(floor), Some(ours)) = (median(&group, "floor"), median(&group, "ews-um"))
            else {
                row(
                    format!("decode {message} (Microsoft's schema)"),
                    crate::microsoft::SKIPPED.into(),
                    share_target.map_or("", |(text, _)| text),
                    None,
                );
                continue;
            };
            let share = floor / ours;
            row(
                format!(
                    "decode {message} (Microsoft's schema): ews-um {}, floor {}; share of the floor's MB/s",
                    ns(ours),
                    ns(floor)
                ),
                format!("{:.0} %", share * 100.0),
                share_target.map_or("", |(text, _)| text),
                share_target.map(|(_, limit)| share >= limit),
            );
            match median(&group, "ews") {
                Some(theirs) => row(
                    format!(
                        "decode {message}: ews-um / ews crate ({}; ews crate / floor {})",
                        ns(theirs),
                        ratio(theirs, floor)
                    ),
                    ratio(ours, theirs),
                    ews_target.map_or("", |(text, _)| text),
                    ews_target.map(|(_, limit)| ours / theirs <= limit),
                ),
                None if message == GET_ATTACHMENT => row(
                    format!("decode {message}: ews-um / ews crate"),
                    "none: the ews crate has no GetAttachment".into(),
                    "",
                    None,
                ),
                None => {}
            }
        }
        for message in [GET_CALL_INFO, PLAY_ON_PHONE] {
            let group = format!("encode_{message}");
            let (Some(floor), Some(ours)) = (median(&group, "floor"), median(&group, "ews-um"))
            else {
                continue;
            };
            let main = message == GET_CALL_INFO;
            row(
                format!(
                    "encode {message}: ews-um {}, concatenation {}",
                    ns(ours),
                    ns(floor)
                ),
                ratio(ours, floor),
                if main { "≤ 1.5×" } else { "" },
                main.then_some(ours / floor <= 1.5),
            );
            for alternative in ["hand", "serde"] {
                if let Some(theirs) = median(&group, alternative) {
                    let name = if alternative == "hand" {
                        "quick-xml Writer"
                    } else {
                        "serde"
                    };
                    row(
                        format!("encode {message}: {name} {} / concatenation", ns(theirs)),
                        ratio(theirs, floor),
                        "",
                        None,
                    );
                }
            }
        }

        match allocations(count_allocations) {
            Ok(counts) => {
                let count = |name: &str| counts.iter().find(|(n, _)| n == name).map(|(_, c)| *c);
                let (ours, serde, xsd_parser) = (
                    count("ews-um").unwrap_or(usize::MAX),
                    count("serde").unwrap_or(usize::MAX),
                    count("xsd-parser").unwrap_or(usize::MAX),
                );
                // The response holds no string: the target is one allocation.
                let figure = format!(
                    "allocations per GetCallInfo response decode (serde {serde}, xsd-parser {xsd_parser})"
                );
                row(figure, ours.to_string(), "≤ 1", Some(ours <= 1));
                for (message, held_target, peak_target) in HEAP {
                    let Some(input) = count(&format!("heap.{message}.input")) else {
                        continue;
                    };
                    for (what, figure, target) in [
                        ("held", "heap held by the decoded value", held_target),
                        ("peak", "peak heap while decoding", peak_target),
                    ] {
                        let share = |decoder: &str| {
                            count(&format!("heap.{message}.{decoder}.{what}"))
                                .map(|bytes| bytes as f64 / input as f64)
                        };
                        let Some(ours) = share("ews-um") else {
                            row(
                                format!("{figure}, {message} / input bytes"),
                                crate::microsoft::SKIPPED.into(),
                                target.map_or("", |(text, _)| text),
                                None,
                            );
                            continue;
                        };
                        let theirs = share("ews")
                            .map_or(String::new(), |theirs| format!("; ews crate {theirs:.2}"));
                        row(
                            format!(
                                "{figure}, {message} / input bytes ({} KB{theirs})",
                                input / 1000
                            ),
                            format!("{ours:.2}"),
                            target.map_or("", |(text, _)| text),
                            target.map(|(_, limit)| ours <= limit),
                        );
                    }
                }
            }
            Err(e) => row(
                "allocations per GetCallInfo response decode".into(),
                format!("failed: {e}"),
                "≤ 1",
                None,
            ),
        }

        let um_lines = include_str!("../../generated/src/um.rs").lines().count();
        let ews_lines = include_str!("../../generated/src/ews.rs").lines().count();
        for (module, ours, theirs) in [
            ("um", um_lines, xsdp::lines::UM),
            ("ews", ews_lines, xsdp::lines::EWS),
        ] {
            let share = ours as f64 / theirs as f64;
            row(
                format!("generated lines, {module}: ews-um {ours}, xsd-parser {theirs}"),
                format!("{share:.2}"),
                "≤ 0.25",
                Some(share <= 0.25),
            );
        }

        let generate = median_of(9, generate_crate);
        row(
            "`generate` of the whole crate (in process)".into(),
            format!("{generate:.1?}"),
            "< 200 ms",
            Some(generate < Duration::from_millis(200)),
        );
        match microsoft_schema() {
            Some(dir) => {
                let builder = Builder::new()
                    .schema(dir.join("messages.xsd"))
                    .schema(dir.join("types.xsd"));
                let load = median_of(5, || {
                    builder.load().expect("Microsoft's schema loads").load_time
                });
                row(
                    "load and interpret Microsoft's full EWS schema".into(),
                    format!("{load:.1?}"),
                    "",
                    None,
                );
            }
            None => row(
                "load and interpret Microsoft's full EWS schema".into(),
                "skipped: not found".into(),
                "",
                None,
            ),
        }
        match release_build_time() {
            Ok(time) => row(
                "`cargo build --release` of ews-um alone, clean".into(),
                format!("{:.1} s", time.as_secs_f64()),
                "",
                None,
            ),
            Err(e) => row(
                "`cargo build --release` of ews-um alone, clean".into(),
                format!("failed: {e}"),
                "",
                None,
            ),
        }
        Report { rows }
    }

    /// The table, as Markdown.
    pub fn render(&self) -> String {
        let mut out = String::from("| figure | measured | target | met |\n|---|---|---|---|\n");
        for r in &self.rows {
            let met = match r.met {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "",
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {met} |",
                r.figure, r.measured, r.target
            );
        }
        let _ = std::fs::write(criterion_dir().join("ews-um-report.md"), &out);
        out
    }
}

fn ns(nanos: f64) -> String {
    if nanos >= 1_000_000.0 {
        format!("{:.2} ms", nanos / 1_000_000.0)
    } else if nanos >= 1_000.0 {
        format!("{:.2} µs", nanos / 1_000.0)
    } else {
        format!("{nanos:.0} ns")
    }
}

fn ratio(a: f64, b: f64) -> String {
    format!("{:.2}×", a / b)
}

/// Where criterion writes: `<target>/criterion`.
fn criterion_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the benchmark knows its path");
    // <target>/<profile>/deps/<benchmark>
    exe.ancestors()
        .nth(3)
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
        .join("criterion")
}

/// The median of a benchmark's run, in nanoseconds, if it ran since
/// `started`.
fn median_ns(bench: &Path, started: SystemTime) -> Option<f64> {
    let estimates = bench.join("new/estimates.json");
    let modified = std::fs::metadata(&estimates)
        .and_then(|m| m.modified())
        .ok()?;
    if modified < started {
        return None;
    }
    let text = std::fs::read_to_string(estimates).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64()
}

/// The `name=count` lines the allocation-counting binary prints.
fn allocations(binary: &str) -> Result<Vec<(String, usize)>, String> {
    let output = std::process::Command::new(binary)
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.lines()
        .map(|line| {
            let (name, count) = line
                .split_once('=')
                .ok_or_else(|| format!("unexpected line {line:?}"))?;
            Ok((
                name.to_owned(),
                count
                    .parse()
                    .map_err(|_| format!("unexpected count {count:?}"))?,
            ))
        })
        .collect()
}

fn median_of(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| f()).collect();
    times.sort();
    times[runs / 2]
}

/// Generates every module of `codegen.toml`, as `ews-um-codegen generate`
/// does (without writing).
fn generate_crate() -> Duration {
    let started = Instant::now();
    let config =
        ConfigFile::read(&Path::new(REPO).join("codegen.toml")).expect("codegen.toml reads");
    for (_, builder) in config.builders() {
        builder.generate().expect("the crate's modules generate");
    }
    started.elapsed()
}

fn microsoft_schema() -> Option<PathBuf> {
    let dir = std::env::var_os("EWS_SCHEMA_DIR").map_or_else(
        || Path::new(REPO).join("../shared/ews-schema"),
        PathBuf::from,
    );
    dir.join("messages.xsd").is_file().then_some(dir)
}

/// A clean `cargo build --release -p ews-um`, in a target directory of its
/// own so that nothing is reused.
fn release_build_time() -> Result<Duration, String> {
    let target = criterion_dir().with_file_name("bench-ews-um-build");
    let _ = std::fs::remove_dir_all(&target);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let started = Instant::now();
    let status = std::process::Command::new(cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "ews-um",
            "--target-dir",
        ])
        .arg(&target)
        .current_dir(REPO)
        .env("CARGO_INCREMENTAL", "0")
        .status()
        .map_err(|e| e.to_string())?;
    let elapsed = started.elapsed();
    let _ = std::fs::remove_dir_all(&target);
    status
        .success()
        .then_some(elapsed)
        .ok_or_else(|| format!("cargo exited with {status}"))
}
