//! `ews-um-codegen`: regenerates the `ews-um` crate's modules from the
//! schemas or checks that the checked-in ones are fresh; emits a module
//! for any schema; reports what it makes of a schema.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use ews_um_codegen::config::ConfigFile;
use ews_um_codegen::{Builder, Error, diff, write_all_atomically};

#[derive(Parser)]
#[command(
    version,
    about = "Generates Rust types and XML (de)serializers from XML Schema"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate every module listed in codegen.toml.
    Generate {
        /// The config file [default: codegen.toml here or above].
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Fail, printing a diff, when a checked-in module differs from a fresh
    /// generation.
    Check {
        /// The config file [default: codegen.toml here or above].
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Write one self-contained module for the named top-level elements (or
    /// all of them) and everything they reach; it compiles in any crate that
    /// depends on ews-um.
    Emit {
        /// A schema file; the files it includes and imports are read too.
        #[arg(long = "schema", required = true)]
        schemas: Vec<PathBuf>,
        /// A top-level element to generate.
        #[arg(long = "element", required_unless_present = "all_elements")]
        elements: Vec<String>,
        /// Generate every top-level element of the schema files given.
        #[arg(long, conflicts_with = "elements")]
        all_elements: bool,
        #[command(flatten)]
        service: Service,
        /// Where to write: a `.rs` file (one module), or a directory
        /// (`mod.rs` and a submodule per schema file).
        #[arg(long)]
        out: PathBuf,
    },
    /// Report what the generator makes of schemas: how many types, how long
    /// they take to load, and which top-level elements it cannot generate yet.
    Inspect {
        /// A schema file; the files it includes and imports are read too.
        #[arg(long = "schema", required = true)]
        schemas: Vec<PathBuf>,
        #[command(flatten)]
        service: Service,
    },
}

/// The service description and where schemas are read from.
#[derive(Args)]
struct Service {
    /// The WSDL 1.1 service description of the schemas' operations: an
    /// Operation impl for each operation of its SOAP binding.
    #[arg(long)]
    wsdl: Option<PathBuf>,
    /// Read schema location URL (as an import gives it) from local FILE;
    /// nothing is ever fetched.
    #[arg(long = "catalog", value_name = "URL=FILE", value_parser = catalog_entry)]
    catalog: Vec<(String, PathBuf)>,
}

fn catalog_entry(entry: &str) -> Result<(String, PathBuf), String> {
    match entry.rsplit_once('=') {
        Some((url, file)) if !url.is_empty() && !file.is_empty() => {
            Ok((url.to_owned(), PathBuf::from(file)))
        }
        _ => Err(format!("{entry:?} is not URL=FILE")),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Generate { config } => {
            let config = load_config(config)?;
            // Render everything before writing anything, then write all or
            // nothing: a failure leaves every file as it was.
            let rendered = render(&config)?;
            write_all_atomically(&rendered)?;
            for (path, _) in &rendered {
                println!("generated {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Emit {
            schemas,
            elements,
            all_elements: _,
            service,
            out,
        } => {
            builder(schemas, elements, service).write(&out)?;
            println!("generated {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Inspect { schemas, service } => {
            print!("{}", builder(schemas, Vec::new(), service).inspect()?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { config } => {
            let config = load_config(config)?;
            let mut stale = 0;
            for (path, code) in render(&config)? {
                let current = std::fs::read_to_string(&path).unwrap_or_default();
                if let Some(diff) = diff(&path, &current, &code) {
                    print!("{diff}");
                    stale += 1;
                }
            }
            if stale == 0 {
                println!("generated code is up to date");
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!(
                    "{stale} generated file(s) out of date: run `cargo run -p ews-um-codegen -- generate`"
                );
                Ok(ExitCode::FAILURE)
            }
        }
    }
}

fn builder(schemas: Vec<PathBuf>, elements: Vec<String>, service: Service) -> Builder {
    let builder = schemas.into_iter().fold(Builder::new(), Builder::schema);
    let builder = elements.into_iter().fold(builder, Builder::element);
    let builder = service
        .catalog
        .into_iter()
        .fold(builder, |b, (url, file)| b.catalog(url, file));
    match service.wsdl {
        Some(wsdl) => builder.wsdl(wsdl),
        None => builder,
    }
}

fn load_config(path: Option<PathBuf>) -> Result<ConfigFile, Error> {
    match path {
        Some(path) => ConfigFile::read(&path),
        None => {
            let cwd = std::env::current_dir().map_err(|e| Error::io(".", e))?;
            ConfigFile::find(&cwd)
        }
    }
}

fn render(config: &ConfigFile) -> Result<Vec<(PathBuf, String)>, Error> {
    config
        .builders()
        .into_iter()
        .map(|(path, builder)| Ok((path, builder.generate()?)))
        .collect()
}
