//! Runs one benchmark row's work a given number of times, and nothing else:
//! for counting its instructions with callgrind, which, unlike timing, gives
//! the same figure on every run. `BENCHMARKS.md` says how it is used:
//!
//! ```sh
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/instructions decode-get-call-info 1000
//! ```
//!
//! The difference between two counts (say 1,000 and 0 runs), divided by
//! the number of runs, is the figure per run.

use std::hint::black_box;
use std::process::ExitCode;

use ews_um::{Envelope, ews, um};
use ews_um_bench::{find_item, fixtures, get_attachment, microsoft, sync_folder_items};

/// The rows, by the name the command takes.
const ROWS: [&str; 7] = [
    "decode-get-call-info",
    "decode-get-phone-call-information",
    "decode-get-um-properties-1mb",
    "decode-find-item-200",
    "decode-sync-folder-items-1000",
    "decode-get-attachment-10mb",
    "encode-get-call-info",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(row), Some(Ok(runs))) = (args.first(), args.get(1).map(|n| n.parse::<u32>())) else {
        eprintln!("usage: instructions <{}> <runs>", ROWS.join("|"));
        return ExitCode::FAILURE;
    };
    // Only the row's message is built: the 10 MB one takes a while.
    let bytes = match row.as_str() {
        "decode-get-um-properties-1mb" => fixtures::large_um_properties_response(),
        "decode-find-item-200" => find_item::find_item_response(200),
        "decode-sync-folder-items-1000" => sync_folder_items::sync_folder_items_response(1000),
        "decode-get-attachment-10mb" => get_attachment::get_attachment_response(),
        _ => Vec::new(),
    };
    let request = Envelope::new(um::GetCallInfo {
        call_id: fixtures::CALL_ID.to_owned(),
    });
    for _ in 0..runs {
        match row.as_str() {
            "decode-get-call-info" => {
                let bytes = black_box(fixtures::GET_CALL_INFO_RESPONSE);
                black_box(Envelope::<um::GetCallInfoResponse>::decode(bytes).unwrap());
            }
            "decode-get-phone-call-information" => {
                type Reply =
                    Envelope<ews::GetPhoneCallInformationResponse, Option<ews::ServerVersionInfo>>;
                let bytes = black_box(fixtures::GET_PHONE_CALL_INFORMATION_RESPONSE);
                black_box(Reply::decode(bytes).unwrap());
            }
            "decode-get-um-properties-1mb" => {
                let bytes = black_box(&bytes);
                black_box(Envelope::<um::GetUmPropertiesResponse>::decode(bytes).unwrap());
            }
            "decode-find-item-200" => {
                let Some(count) = find_item::decode_and_count(black_box(&bytes)) else {
                    eprintln!("{}", microsoft::SKIPPED);
                    return ExitCode::FAILURE;
                };
                black_box(count);
            }
            "decode-sync-folder-items-1000" => {
                let Some(count) = sync_folder_items::decode_and_count(black_box(&bytes)) else {
                    eprintln!("{}", microsoft::SKIPPED);
                    return ExitCode::FAILURE;
                };
                black_box(count);
            }
            "decode-get-attachment-10mb" => {
                let Some(length) = get_attachment::decode_and_read(black_box(&bytes)) else {
                    eprintln!("{}", microsoft::SKIPPED);
                    return ExitCode::FAILURE;
                };
                black_box(length);
            }
            "encode-get-call-info" => {
                black_box(black_box(&request).encode().unwrap());
            }
            other => {
                eprintln!("unknown row {other:?}: one of {}", ROWS.join(", "));
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
