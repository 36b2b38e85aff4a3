//! The whole benchmark suite: decoding, encoding, allocations and the
//! generator, each against its baselines in the same run, then one table of
//! ratios (also written to `target/criterion/ews-um-report.md`).
//!
//! Run with `cargo bench -p ews-um-bench`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use ews_um::{Envelope, ews, um};
use ews_um_bench::xsd_parser_model as xsdp;
use ews_um_bench::{
    ews_crate, find_item, fixtures, floor, get_attachment, get_item, hand, microsoft, report,
    serde_model, sync_folder_items,
};

fn decode(c: &mut Criterion) {
    let large = fixtures::large_um_properties_response();
    let messages: [(&str, &[u8]); 3] = [
        (report::GET_CALL_INFO, fixtures::GET_CALL_INFO_RESPONSE),
        (
            report::GET_PHONE_CALL_INFORMATION,
            fixtures::GET_PHONE_CALL_INFORMATION_RESPONSE,
        ),
        (report::GET_UM_PROPERTIES, &large),
    ];
    for (name, bytes) in messages {
        let text = std::str::from_utf8(bytes).expect("the fixtures are UTF-8");
        let mut group = c.benchmark_group(format!("decode_{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(BenchmarkId::from_parameter("floor"), |b| {
            b.iter(|| floor::read(black_box(bytes)))
        });
        match name {
            report::GET_CALL_INFO => {
                group.bench_function("ews-um", |b| {
                    b.iter(|| {
                        Envelope::<um::GetCallInfoResponse>::decode(black_box(bytes)).unwrap()
                    })
                });
                group.bench_function("hand", |b| {
                    b.iter(|| hand::get_call_info_response(black_box(bytes)).unwrap())
                });
                group.bench_function("serde", |b| {
                    b.iter(|| serde_model::get_call_info_response(black_box(text)).unwrap())
                });
                group.bench_function("xsd-parser", |b| {
                    b.iter(|| {
                        xsdp::decode::<xsdp::get_call_info::Envelope>(black_box(text)).unwrap()
                    })
                });
            }
            report::GET_PHONE_CALL_INFORMATION => {
                type Ours =
                    Envelope<ews::GetPhoneCallInformationResponse, Option<ews::ServerVersionInfo>>;
                group.bench_function("ews-um", |b| {
                    b.iter(|| Ours::decode(black_box(bytes)).unwrap())
                });
                group.bench_function("hand", |b| {
                    b.iter(|| hand::get_phone_call_information_response(black_box(bytes)).unwrap())
                });
                group.bench_function("serde", |b| {
                    b.iter(|| {
                        serde_model::get_phone_call_information_response(black_box(text)).unwrap()
                    })
                });
                group.bench_function("xsd-parser", |b| {
                    b.iter(|| {
                        xsdp::decode::<xsdp::get_phone_call_information::Envelope>(black_box(text))
                            .unwrap()
                    })
                });
            }
            _ => {
                group.bench_function("ews-um", |b| {
                    b.iter(|| {
                        Envelope::<um::GetUmPropertiesResponse>::decode(black_box(bytes)).unwrap()
                    })
                });
                group.bench_function("hand", |b| {
                    b.iter(|| hand::get_um_properties_response(black_box(bytes)).unwrap())
                });
                group.bench_function("serde", |b| {
                    b.iter(|| serde_model::get_um_properties_response(black_box(text)).unwrap())
                });
                group.bench_function("xsd-parser", |b| {
                    b.iter(|| {
                        xsdp::decode::<xsdp::get_um_properties::Envelope>(black_box(text)).unwrap()
                    })
                });
            }
        }
        group.finish();
    }
}

/// Responses at scale, decoded with the types of Microsoft's full schema,
/// against the floor and, where it has the operation, the `ews` crate.
fn decode_at_scale(c: &mut Criterion) {
    let bytes = find_item::find_item_response(200);
    let ours = || find_item::decode_and_count(black_box(&bytes));
    let theirs = || ews_crate::find_item_count(&ews_crate::find_item(black_box(&bytes)).unwrap());
    at_scale(c, report::FIND_ITEM, &bytes, ours, Some(theirs), None);

    let bytes = get_item::get_item_response(100);
    let ours = || get_item::decode_and_count(black_box(&bytes));
    let theirs = || ews_crate::get_item_count(&ews_crate::get_item(black_box(&bytes)).unwrap());
    at_scale(c, report::GET_ITEM, &bytes, ours, Some(theirs), Some(30));

    let bytes = sync_folder_items::sync_folder_items_response(1000);
    let ours = || sync_folder_items::decode_and_count(black_box(&bytes));
    let theirs = || {
        let response = ews_crate::sync_folder_items(black_box(&bytes)).unwrap();
        ews_crate::sync_folder_items_count(&response)
    };
    at_scale(
        c,
        report::SYNC_FOLDER_ITEMS,
        &bytes,
        ours,
        Some(theirs),
        Some(30),
    );

    // The `ews` crate has no GetAttachment.
    let bytes = get_attachment::get_attachment_response();
    let ours = || get_attachment::decode_and_read(black_box(&bytes));
    let none: Option<fn() -> usize> = None;
    at_scale(c, report::GET_ATTACHMENT, &bytes, ours, none, Some(10));
}

/// One group: the floor, ews-um (unless Microsoft's schema was not at hand)
/// and the `ews` crate. Messages that take milliseconds to decode are
/// sampled `samples` times, the same number of runs each time (criterion's
/// default would run the slowest thousands of times).
fn at_scale(
    c: &mut Criterion,
    name: &str,
    bytes: &[u8],
    ours: impl Fn() -> Option<usize>,
    theirs: Option<impl Fn() -> usize>,
    samples: Option<usize>,
) {
    if ours().is_none() {
        println!("decode_{name}: {}", microsoft::SKIPPED);
        return;
    }
    let mut group = c.benchmark_group(format!("decode_{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    if let Some(samples) = samples {
        group.sampling_mode(SamplingMode::Flat).sample_size(samples);
    }
    group.bench_function("floor", |b| b.iter(|| floor::read(black_box(bytes))));
    group.bench_function("ews-um", |b| b.iter(&ours));
    if let Some(theirs) = theirs {
        group.bench_function("ews", |b| b.iter(&theirs));
    }
    group.finish();
}

fn encode(c: &mut Criterion) {
    let mut group = c.benchmark_group(format!("encode_{}", report::GET_CALL_INFO));
    let id = fixtures::CALL_ID;
    group.bench_function("floor", |b| {
        b.iter(|| hand::concat_get_call_info(black_box(id)))
    });
    // Each variant encodes a value that exists already.
    let request = Envelope::new(um::GetCallInfo {
        call_id: id.to_owned(),
    });
    group.bench_function("ews-um", |b| {
        b.iter(|| black_box(&request).encode().unwrap())
    });
    group.bench_function("hand", |b| {
        b.iter(|| hand::writer_get_call_info(black_box(id)))
    });
    group.bench_function("serde", |b| {
        b.iter(|| serde_model::get_call_info_request(black_box(id)))
    });
    group.finish();

    let mut group = c.benchmark_group(format!("encode_{}", report::PLAY_ON_PHONE));
    let (entry, dial) = (fixtures::ENTRY_ID, fixtures::DIAL_STRING);
    group.bench_function("floor", |b| {
        b.iter(|| hand::concat_play_on_phone(black_box(entry), black_box(dial)))
    });
    let request = Envelope::new(um::PlayOnPhone {
        entry_id: entry.to_owned(),
        dial_string: dial.to_owned(),
    });
    group.bench_function("ews-um", |b| {
        b.iter(|| black_box(&request).encode().unwrap())
    });
    group.bench_function("hand", |b| {
        b.iter(|| hand::writer_play_on_phone(black_box(entry), black_box(dial)))
    });
    group.bench_function("serde", |b| {
        b.iter(|| serde_model::play_on_phone_request(black_box(entry), black_box(dial)))
    });
    group.finish();
}

fn main() {
    // Every variant decodes the same information, or the comparison is void.
    ews_um_bench::report::check_baselines();
    let started = std::time::SystemTime::now();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    decode(&mut c);
    decode_at_scale(&mut c);
    encode(&mut c);
    c.final_summary();
    let table = report::Report::gather(started, env!("CARGO_BIN_EXE_count-allocations")).render();
    println!("\n{table}");
}
