//! `dossier`: the command line over the Dossier engine.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dossier_engine::topics::TopicCount;

mod eval;
mod ingest;
mod search;
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
        /// Parse every file as this format instead of detecting it from the extension
        /// (txt, md, html, json, jsonl, csv).
        #[arg(long, value_name = "FORMAT")]
        format: Option<dossier_engine::ingest::Format>,
    },
    /// Search a corpus folder and print the ranked hits with snippets.
    Search {
        /// Corpus file or folder.
        corpus: PathBuf,
        /// The query (quotes, -term, OR, parentheses, field:value; see the engine's query docs).
        query: String,
        /// Number of hits to print.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
        sort: SortArg,
        /// Print the full response as JSON.
        #[arg(long)]
        json: bool,
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
    /// Measure quality on a benchmark collection.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Retrieval quality on a BEIR folder: prints {"ndcg@10","recall@100","map","queries"}.
    Search {
        /// Folder with corpus.jsonl, queries and qrels.
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = SplitArg::Test)]
        split: SplitArg,
        /// Override BM25 k1 (tuning; use the train split).
        #[arg(long)]
        k1: Option<f32>,
        /// Override BM25 b (tuning; use the train split).
        #[arg(long)]
        b: Option<f32>,
        /// Override the title field weight (tuning; use the train split).
        #[arg(long)]
        title_weight: Option<f32>,
    },
    /// Cluster a JSONL file of {"title","text","label"} and print {"nmi","ari","k","articles"}.
    Topics {
        jsonl: PathBuf,
        /// Number of topics: `auto` or a number.
        #[arg(long, default_value = "auto")]
        k: TopicCount,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

#[derive(Clone, Copy, ValueEnum)]
enum SplitArg {
    Test,
    Train,
}

/// Ingests a corpus path, warnings to stderr.
fn load_corpus(corpus: &std::path::Path) -> Result<Vec<dossier_engine::Article>, String> {
    topics::ingest(corpus)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest {
            paths,
            jsonl,
            format,
        } => ingest::run(&paths, jsonl, format),
        Command::Search {
            corpus,
            query,
            limit,
            sort,
            json,
        } => {
            let sort = match sort {
                SortArg::Relevance => dossier_engine::search::SortOrder::Relevance,
                SortArg::Newest => dossier_engine::search::SortOrder::Newest,
                SortArg::Oldest => dossier_engine::search::SortOrder::Oldest,
            };
            search::run(&corpus, &query, limit, sort, json)
        }
        Command::Eval(EvalCommand::Search {
            dir,
            split,
            k1,
            b,
            title_weight,
        }) => {
            let split = match split {
                SplitArg::Test => dossier_engine::eval::Split::Test,
                SplitArg::Train => dossier_engine::eval::Split::Train,
            };
            let tuning = eval::Tuning {
                k1,
                b,
                title_weight,
            };
            eval::run_search(&dir, split, &tuning)
        }
        Command::Topics { corpus, k, json } => topics::run(&corpus, k, json),
        Command::Eval(EvalCommand::Topics { jsonl, k }) => topics::eval(&jsonl, k),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
