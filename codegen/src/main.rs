//! `ews-um-codegen`: regenerates the `ews-um` crate's modules from the
//! schemas or checks that the checked-in ones are fresh; emits a module
//! for any schema; reports what it makes of a schema.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use ews_um_codegen::config::ConfigFile;
use ews_um_codegen::{Builder, Error, SchemaVersion, diff, write_all_atomically};

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
        #[arg(long = "schema", required_unless_present = "versions")]
        schemas: Vec<PathBuf>,
        /// A version of the schemas, oldest first: its name (the
        /// `RequestServerVersion` that asks for it, say), then its schema
        /// files and WSDL. The module is their union, labelled with the
        /// versions that have each member and value.
        #[arg(
            long = "version",
            value_name = "NAME=FILE,FILE…",
            value_parser = version_entry,
            conflicts_with = "schemas"
        )]
        versions: Vec<SchemaVersion>,
        /// A top-level element to generate.
        #[arg(long = "element", required_unless_present = "all_elements")]
        elements: Vec<String>,
        /// Generate every top-level element of the schema files given.
        #[arg(long, conflicts_with = "elements")]
        all_elements: bool,
        #[command(flatten)]
        service: Service,
        /// Give every struct with element content a field that keeps the
        /// elements its schema does not declare (a newer version's), as
        /// sent, and writes them back.
        #[arg(long)]
        keep_unknown_elements: bool,
        /// Where to write: a `.rs` file (one module), or a directory
        /// (`mod.rs` and a submodule per schema file).
        #[arg(long)]
        out: PathBuf,
    },
    /// Report what changed between two versions of a schema: operations,
    /// elements, types, members and enumeration values added or removed,
    /// members changed in type or occurrence, grouped by operation.
    Diff {
        /// The older version: a directory of schema files (`*.xsd`) and, if
        /// any, its service description (one `*.wsdl`).
        #[arg(long)]
        old: PathBuf,
        /// The newer version, as `--old`.
        #[arg(long)]
        new: PathBuf,
        /// What to call the older version [default: its directory's name].
        #[arg(long)]
        old_name: Option<String>,
        /// What to call the newer version [default: its directory's name].
        #[arg(long)]
        new_name: Option<String>,
        /// Compare only these top-level elements and what they reach
        /// [default: every one].
        #[arg(long = "element")]
        elements: Vec<String>,
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

/// `NAME=FILE,FILE…`: `.wsdl` files are the version's service description.
fn version_entry(entry: &str) -> Result<SchemaVersion, String> {
    let Some((name, files)) = entry.split_once('=') else {
        return Err(format!("{entry:?} is not NAME=FILE,FILE…"));
    };
    let mut version = SchemaVersion {
        name: name.to_owned(),
        ..SchemaVersion::default()
    };
    for file in files
        .split(',')
        .filter(|f| !f.is_empty())
        .map(PathBuf::from)
    {
        if file.extension().is_some_and(|e| e == "wsdl") {
            if version.wsdl.replace(file).is_some() {
                return Err(format!("{entry:?} names two WSDL files"));
            }
        } else {
            version.schemas.push(file);
        }
    }
    Ok(version)
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
            versions,
            elements,
            all_elements: _,
            service,
            keep_unknown_elements,
            out,
        } => {
            let builder = versions
                .into_iter()
                .fold(builder(schemas, elements, service), |b, v| {
                    b.version(v.name, v.schemas, v.wsdl)
                });
            builder
                .keep_unknown_elements(keep_unknown_elements)
                .write(&out)?;
            println!("generated {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff {
            old,
            new,
            old_name,
            new_name,
            elements,
        } => {
            let builder = elements.into_iter().fold(Builder::new(), Builder::element);
            let (old_schemas, old_wsdl) = schema_dir(&old)?;
            let (new_schemas, new_wsdl) = schema_dir(&new)?;
            let builder = builder
                .version(
                    old_name.unwrap_or_else(|| dir_name(&old)),
                    old_schemas,
                    old_wsdl,
                )
                .version(
                    new_name.unwrap_or_else(|| dir_name(&new)),
                    new_schemas,
                    new_wsdl,
                );
            print!("{}", builder.diff()?);
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

/// The schema files of a version's directory, sorted, and its WSDL.
fn schema_dir(dir: &Path) -> Result<(Vec<PathBuf>, Option<PathBuf>), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        files.push(entry.map_err(|e| Error::io(dir, e))?.path());
    }
    files.sort();
    let with = |ext: &str| -> Vec<PathBuf> {
        files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == ext))
            .cloned()
            .collect()
    };
    let (schemas, mut wsdl) = (with("xsd"), with("wsdl"));
    if schemas.is_empty() {
        return Err(Error::Request(format!("{}: no *.xsd files", dir.display())));
    }
    if wsdl.len() > 1 {
        return Err(Error::Request(format!(
            "{}: more than one *.wsdl file; keep the one describing the schemas",
            dir.display()
        )));
    }
    Ok((schemas, wsdl.pop()))
}

/// A version named after its directory.
fn dir_name(dir: &Path) -> String {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string())
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
