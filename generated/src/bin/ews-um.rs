//! `ews-um`: turns Unified Messaging envelopes (of the legacy UM web
//! service and of EWS) into JSON and back, for people debugging Exchange
//! traffic and for scripts.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ews_um::xml::{DecodeError, Decoder, EncodeError, Encoder, Start};
use ews_um::{Envelope, Error, Fault, Headers, ews, um};
use serde::{Deserialize, Serialize};

#[derive(Parser)]
#[command(
    version,
    about = "Decode Exchange UM SOAP envelopes to JSON, and encode them back"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the message (request, response or fault) of an XML envelope as JSON.
    Decode {
        /// The envelope; `-` or nothing for standard input.
        file: Option<PathBuf>,
    },
    /// Print the XML envelope for a message given as JSON (as `decode` prints it).
    Encode {
        /// The JSON; `-` or nothing for standard input.
        file: Option<PathBuf>,
    },
}

/// The JSON form of an envelope, by service: `{"um": {"<Element>": {...}}}`,
/// `{"ews": {"header": {...}, "body": {"<Element>": {...}}}}` or
/// `{"fault": {...}}`. The service matters: both define `PlayOnPhone`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Document {
    Um(um::Message),
    Ews(EwsEnvelope),
    Fault(Fault),
}

#[derive(Serialize, Deserialize)]
struct EwsEnvelope {
    #[serde(default, skip_serializing_if = "EwsHeaders::is_empty")]
    header: EwsHeaders,
    body: ews::Message,
}

/// The headers EWS defines for these operations.
#[derive(Default, Serialize, Deserialize)]
struct EwsHeaders {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_server_version: Option<ews::RequestServerVersion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    server_version_info: Option<ews::ServerVersionInfo>,
}

impl Headers for EwsHeaders {
    fn decode_entry(
        &mut self,
        d: &mut Decoder<'_>,
        start: &Start<'_>,
    ) -> Result<bool, DecodeError> {
        Ok(self.request_server_version.decode_entry(d, start)?
            || self.server_version_info.decode_entry(d, start)?)
    }

    fn encode_entries(&self, e: &mut Encoder) -> Result<(), EncodeError> {
        self.request_server_version.encode_entries(e)?;
        self.server_version_info.encode_entries(e)
    }

    fn is_empty(&self) -> bool {
        self.request_server_version.is_none() && self.server_version_info.is_none()
    }
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Decode { file } => read(file).and_then(|input| decode(&input)),
        Command::Encode { file } => read(file).and_then(|input| encode(&input)),
    };
    match result.and_then(|output| {
        std::io::stdout()
            .write_all(&output)
            .map_err(|e| format!("writing output: {e}"))
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("ews-um: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(file: Option<PathBuf>) -> Result<Vec<u8>, String> {
    match file {
        Some(path) if path.as_os_str() != "-" => {
            std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
        }
        _ => {
            let mut input = Vec::new();
            std::io::stdin()
                .read_to_end(&mut input)
                .map_err(|e| format!("reading standard input: {e}"))?;
            Ok(input)
        }
    }
}

fn decode(input: &[u8]) -> Result<Vec<u8>, String> {
    let mut json = serde_json::to_string_pretty(&read_envelope(input)?)
        .map_err(|e| e.to_string())?
        .into_bytes();
    json.push(b'\n');
    Ok(json)
}

/// The envelope as a UM message if it is one, else as an EWS message. When
/// it is neither, the error of the reading that got further is the one that
/// tells what is wrong.
fn read_envelope(input: &[u8]) -> Result<Document, String> {
    let um_error = match Envelope::<um::Message>::decode(input) {
        Ok(envelope) => return Ok(Document::Um(envelope.body)),
        Err(Error::Fault(fault)) => return Ok(Document::Fault(*fault)),
        Err(Error::Decode(e)) => e,
        Err(e) => return Err(e.to_string()),
    };
    match Envelope::<ews::Message, EwsHeaders>::decode(input) {
        Ok(Envelope { header, body }) => Ok(Document::Ews(EwsEnvelope { header, body })),
        Err(Error::Decode(ews_error))
            if (ews_error.line, ews_error.column) >= (um_error.line, um_error.column) =>
        {
            Err(ews_error.to_string())
        }
        Err(Error::Decode(_)) => Err(um_error.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

fn encode(input: &[u8]) -> Result<Vec<u8>, String> {
    let document: Document = serde_json::from_slice(input).map_err(json_error)?;
    let encoded = match document {
        Document::Um(message) => Envelope::new(message).encode(),
        Document::Ews(EwsEnvelope { header, body }) => Envelope::with_header(header, body).encode(),
        Document::Fault(fault) => Envelope::new(fault).encode(),
    };
    let mut xml = encoded.map_err(|e| e.to_string())?;
    xml.push(b'\n');
    Ok(xml)
}

/// `line:column message`, like the XML errors.
fn json_error(e: serde_json::Error) -> String {
    let text = e.to_string();
    let message = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(m, _)| m);
    format!("{}:{} {message}", e.line(), e.column())
}
