//! `dossier`: the command line over the Dossier engine.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dossier_engine::topics::TopicCount;

mod analytics;
mod ingest;
mod topics;

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
    },
    /// Cluster a corpus into labelled topics; print topics and every article's assignment.
    Topics {
        /// Corpus file or folder.
        corpus: PathBuf,
        /// Number of topics: `auto` or a number.
        #[arg(long, default_value = "auto")]
        k: TopicCount,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the people, organisations, places and countries of a corpus.
    Entities {
        /// Corpus file or folder.
        corpus: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List the direct quotations of a corpus with their speakers.
    Quotes {
        /// Corpus file or folder.
        corpus: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Evaluate against labelled data.
    #[command(subcommand)]
    Eval(Eval),
}

/// `dossier eval ...`: quality measurements against labelled data.
#[derive(Subcommand)]
enum Eval {
    /// Cluster a JSONL file of {"title","text","label"} and print {"nmi","ari","k","articles"}.
    Topics {
        jsonl: PathBuf,
        /// Number of topics: `auto` or a number.
        #[arg(long, default_value = "auto")]
        k: TopicCount,
    },
}

/// Ingests a corpus path, warnings to stderr.
fn load_corpus(corpus: &std::path::Path) -> Result<Vec<dossier_engine::Article>, String> {
    topics::ingest(corpus)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest { paths, jsonl } => ingest::run(&paths, jsonl),
        Command::Topics { corpus, k, json } => topics::run(&corpus, k, json),
        Command::Entities { corpus, json } => analytics::entities(&corpus, json),
        Command::Quotes { corpus, json } => analytics::quotes(&corpus, json),
        Command::Eval(Eval::Topics { jsonl, k }) => topics::eval(&jsonl, k),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
