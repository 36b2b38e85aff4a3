//! `ews-um`: turns Unified Messaging envelopes (of the legacy UM web
//! service and of EWS) into JSON and back, for people debugging Exchange
//! traffic and for scripts.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ews_um::json::Document;

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
        /// Refuse elements and types the schemas do not declare, rather
        /// than skip or keep them (as a newer server's messages have).
        #[arg(long)]
        strict: bool,
    },
    /// Print the XML envelope for a message given as JSON (as `decode` prints it).
    Encode {
        /// The JSON; `-` or nothing for standard input.
        file: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Decode { file, strict } => read(file).and_then(|input| decode(&input, strict)),
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

fn decode(input: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let document = if strict {
        Document::decode_strict(input)
    } else {
        Document::decode(input)
    };
    let document = document.map_err(|e| e.to_string())?;
    let mut json = serde_json::to_string_pretty(&document)
        .map_err(|e| e.to_string())?
        .into_bytes();
    json.push(b'\n');
    Ok(json)
}

fn encode(input: &[u8]) -> Result<Vec<u8>, String> {
    let document: Document = serde_json::from_slice(input).map_err(json_error)?;
    let mut xml = document.encode().map_err(|e| e.to_string())?;
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
