//! `dossier`: the command line over the Dossier engine.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod ingest;

/// Dossier: ingest, search and explore a news corpus from the command line.
#[derive(Parser)]
#[command(name = "dossier", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse raw corpus files into clean articles (JSON on stdout, summary on stderr).
    Ingest {
        /// Files or folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// One JSON article per line instead of one JSON array.
        #[arg(long)]
        jsonl: bool,
        /// Parse every file as this format instead of detecting it from the extension
        /// (txt, md, html, json, jsonl, csv).
        #[arg(long, value_name = "FORMAT")]
        format: Option<dossier_engine::ingest::Format>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest {
            paths,
            jsonl,
            format,
        } => ingest::run(&paths, jsonl, format),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
