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
use ews_um_bench::{find_item, fixtures};

/// The rows, by the name the command takes.
const ROWS: [&str; 4] = [
    "decode-get-call-info",
    "decode-get-phone-call-information",
    "decode-find-item-200",
    "encode-get-call-info",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(row), Some(Ok(runs))) = (args.first(), args.get(1).map(|n| n.parse::<u32>())) else {
        eprintln!("usage: instructions <{}> <runs>", ROWS.join("|"));
        return ExitCode::FAILURE;
    };
    let find_item = find_item::find_item_response(200);
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
            "decode-find-item-200" => {
                let Some(count) = find_item::decode_and_count(black_box(&find_item)) else {
                    eprintln!("{}", find_item::SKIPPED);
                    return ExitCode::FAILURE;
                };
                black_box(count);
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
