//! Export of the current result set as CSV or JSON, and of the quotations view as CSV: plain
//! functions over plain rows, tested natively. The page only wraps the returned text in a Blob and downloads it.

use dossier_engine::Article;
use serde::Serialize;

use crate::url_state::UrlState;

/// One exported result: what identifies and locates the article, in rank order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    pub rank: usize,
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub date_inferred: bool,
    pub dateline: Option<String>,
    /// Who wrote it, as the reader shows it.
    pub byline: Option<String>,
    pub kind: String,
    pub source: Option<String>,
    /// The publication's section ("Crime & Justice"), when the page states it.
    pub section: Option<String>,
    /// Where it was published, to cite it by.
    pub url: Option<String>,
    /// The address that opens it in Dossier's reader, with this search marked.
    pub reader: String,
    pub file: String,
    /// The snippet shown for the result (plain text).
    pub snippet: String,
}

impl ExportRow {
    /// The row for the article ranked `rank` (1-based), with its snippet text and the address
    /// of its reader.
    pub fn new(rank: usize, article: &Article, snippet: &str, reader: String) -> Self {
        ExportRow {
            rank,
            id: article.id.clone(),
            title: article.title.to_string(),
            date: article.date.clone(),
            date_inferred: article.date_inferred,
            dateline: article.dateline.clone(),
            byline: article.byline.clone(),
            kind: article.kind.clone(),
            source: article.source.clone(),
            section: article.section.clone(),
            url: article.url.clone(),
            reader,
            file: article.file.clone(),
            snippet: snippet.to_string(),
        }
    }
}

const CSV_HEADER: [&str; 14] = [
    "rank",
    "id",
    "title",
    "date",
    "date_inferred",
    "dateline",
    "byline",
    "kind",
    "source",
    "section",
    "url",
    "reader",
    "file",
    "snippet",
];

/// The results as CSV (see [`csv_table`]).
pub fn to_csv(rows: &[ExportRow]) -> String {
    csv_table(
        CSV_HEADER,
        rows.iter().map(|row| {
            [
                row.rank.to_string(),
                row.id.clone(),
                row.title.clone(),
                row.date.clone().unwrap_or_default(),
                row.date_inferred.to_string(),
                row.dateline.clone().unwrap_or_default(),
                row.byline.clone().unwrap_or_default(),
                row.kind.clone(),
                row.source.clone().unwrap_or_default(),
                row.section.clone().unwrap_or_default(),
                row.url.clone().unwrap_or_default(),
                row.reader.clone(),
                row.file.clone(),
                row.snippet.clone(),
            ]
        }),
    )
}

/// One exported quotation: who said it, and the article to cite it by.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRow {
    /// Who said it; None when the article does not say.
    pub speaker: Option<String>,
    /// The quotation's words, without quotation marks.
    pub quotation: String,
    /// Whether it says the search's words, or is by a person filtered for (the view's first
    /// group); every quotation does when nothing is searched.
    pub matches_search: bool,
    pub title: String,
    pub date: Option<String>,
    /// The date was inferred (from the text), not stated: not to be cited as certain.
    pub date_inferred: bool,
    pub url: Option<String>,
    /// The address that opens its article in Dossier's reader.
    pub reader: String,
    pub id: String,
    pub file: String,
}

impl QuoteRow {
    /// The row for a quotation of `article`, said by `speaker`, with the address of the
    /// article's reader.
    pub fn new(
        speaker: Option<&str>,
        quotation: &str,
        matches_search: bool,
        article: &Article,
        reader: String,
    ) -> Self {
        QuoteRow {
            speaker: speaker.map(str::to_string),
            quotation: quotation.to_string(),
            matches_search,
            title: article.title.to_string(),
            date: article.date.clone(),
            date_inferred: article.date_inferred,
            url: article.url.clone(),
            reader,
            id: article.id.clone(),
            file: article.file.clone(),
        }
    }
}

const QUOTES_CSV_HEADER: [&str; 10] = [
    "speaker",
    "quotation",
    "matches_search",
    "title",
    "date",
    "date_inferred",
    "url",
    "reader",
    "id",
    "file",
];

/// The quotations as CSV (see [`csv_table`]), in the view's order.
pub fn quotes_to_csv(rows: &[QuoteRow]) -> String {
    csv_table(
        QUOTES_CSV_HEADER,
        rows.iter().map(|row| {
            [
                row.speaker.clone().unwrap_or_default(),
                row.quotation.clone(),
                row.matches_search.to_string(),
                row.title.clone(),
                row.date.clone().unwrap_or_default(),
                row.date_inferred.to_string(),
                row.url.clone().unwrap_or_default(),
                row.reader.clone(),
                row.id.clone(),
                row.file.clone(),
            ]
        }),
    )
}

/// RFC 4180 CSV with a header row and CRLF line ends. Cells that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`) get a leading `'` so opening the file is safe. It
/// starts with a byte-order mark: without one Excel reads the file in the system's code page
/// and turns "Pakistan’s" into "Pakistanâ€™s".
fn csv_table<const N: usize>(
    header: [&str; N],
    records: impl Iterator<Item = [String; N]>,
) -> String {
    let mut out = String::from('\u{feff}');
    push_record(&mut out, header.map(str::to_string));
    for record in records {
        push_record(&mut out, record);
    }
    out
}

fn push_record(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(&cell));
    }
    out.push_str("\r\n");
}

fn csv_cell(cell: &str) -> String {
    let defused = if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// The download's name, after what it holds: `what` ("quotes", or nothing for the results),
/// the search and the filters' values ("dossier-kashmir-2025.csv", "dossier-quotes-ishaq-dar.csv"):
/// several exports in one folder say which is which. Its ASCII words only: folding accents as
/// article ids do would ship the folding table's code for a file name.
pub fn file_name(state: &UrlState, what: &str, extension: &str) -> String {
    let mut named = format!("{what} {}", state.query);
    for value in state.filters.values().flatten() {
        named.push(' ');
        named.push_str(value);
    }
    let words = dossier_engine::ingest::slug_of_folded(&named, 8);
    let words = if words.is_empty() {
        "results"
    } else {
        words.as_str()
    };
    format!("dossier-{words}.{extension}")
}

/// The query string of the view `state` with article `id` open in the reader, beside the
/// results' `page` that lists it: an export's link back to where each row can be read, its
/// search marked. (Every row carried the page exported from: row 1 of an export made on page
/// 2 opened beside page 2's list.)
pub fn reader_query(state: &UrlState, id: &str, page: usize) -> String {
    let mut reading = state.clone();
    reading.article = Some(id.to_string());
    reading.page = page;
    reading.to_query_string()
}

/// Pretty JSON: `{"query": ..., "results": [rows]}` so the file says what it is an export of.
pub fn to_json(view_address: &str, rows: &[ExportRow]) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        /// The view's address, so the export can be traced back to the view and cited.
        view: &'a str,
        count: usize,
        results: &'a [ExportRow],
    }
    serde_json::to_string_pretty(&Export {
        view: view_address,
        count: rows.len(),
        results: rows,
    })
    .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str) -> ExportRow {
        ExportRow {
            rank: 1,
            id: "a".into(),
            title: title.into(),
            date: Some("2024-06-20".into()),
            date_inferred: false,
            dateline: None,
            byline: Some("Javed Mahmood".into()),
            kind: "news".into(),
            source: None,
            section: Some("Crime & Justice".into()),
            url: Some("https://example.org/a".into()),
            reader: "https://example.org/dossier/?article=a".into(),
            file: "x.txt".into(),
            snippet: "line one\nline two".into(),
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let csv = to_csv(&[row("Say \"hi\", world")]);
        let csv = csv
            .strip_prefix('\u{feff}')
            .expect("a byte-order mark for Excel");
        let mut lines = csv.split("\r\n");
        assert_eq!(lines.next(), Some(CSV_HEADER.join(",").as_str()));
        assert_eq!(
            lines.next(),
            Some("1,a,\"Say \"\"hi\"\", world\",2024-06-20,false,,Javed Mahmood,news,,Crime & Justice,https://example.org/a,https://example.org/dossier/?article=a,x.txt,\"line one\nline two\"")
        );
    }

    #[test]
    fn a_download_is_named_after_its_search_and_filters() {
        let named = |query: &str, what: &str| file_name(&UrlState::parse(query), what, "csv");
        assert_eq!(named("?q=Indus+treaty", ""), "dossier-indus-treaty.csv");
        assert_eq!(
            named("?q=person%3A%22Ishaq+Dar%22+-expos%C3%A9", ""),
            "dossier-person-ishaq-dar-expos.csv"
        );
        // The filters say what the file holds as much as the words do.
        assert_eq!(
            named("?q=Kashmir&year=2025", ""),
            "dossier-kashmir-2025.csv"
        );
        assert_eq!(
            named("?person=Ishaq+Dar&view=quotes", "quotes"),
            "dossier-quotes-ishaq-dar.csv"
        );
        assert_eq!(named("?q=++", ""), "dossier-results.csv");
        assert_eq!(named("", "quotes"), "dossier-quotes.csv");
    }

    #[test]
    fn quotations_export_with_their_speaker_and_where_to_cite_them() {
        let quote = QuoteRow {
            speaker: None,
            quotation: "We will not, \"ever\", accept it".into(),
            matches_search: true,
            title: "T".into(),
            date: Some("2024-06-20".into()),
            date_inferred: true,
            url: Some("https://example.org/a".into()),
            reader: "https://example.org/dossier/?article=a".into(),
            id: "a".into(),
            file: "x.txt".into(),
        };
        let csv = quotes_to_csv(&[quote]);
        let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
        assert_eq!(
            lines.next(),
            Some("speaker,quotation,matches_search,title,date,date_inferred,url,reader,id,file")
        );
        assert_eq!(
            lines.next(),
            Some(",\"We will not, \"\"ever\"\", accept it\",true,T,2024-06-20,true,https://example.org/a,https://example.org/dossier/?article=a,a,x.txt")
        );
    }

    #[test]
    fn csv_defuses_formulas() {
        assert!(to_csv(&[row("=HYPERLINK(1)")]).contains(",'=HYPERLINK(1),"));
    }

    #[test]
    fn json_lists_the_rows() {
        let json: serde_json::Value =
            serde_json::from_str(&to_json("https://example.org/dossier/?q=x", &[row("T")]))
                .unwrap();
        assert_eq!(json["count"], 1);
        assert_eq!(json["view"], "https://example.org/dossier/?q=x");
        assert_eq!(json["results"][0]["title"], "T");
        assert_eq!(json["results"][0]["byline"], "Javed Mahmood");
        // Where it was published, to cite it by, and its section.
        assert_eq!(json["results"][0]["url"], "https://example.org/a");
        assert_eq!(json["results"][0]["section"], "Crime & Justice");
        // And where to read it in Dossier.
        assert_eq!(
            json["results"][0]["reader"],
            "https://example.org/dossier/?article=a"
        );
    }

    #[test]
    fn a_row_links_to_its_article_in_the_reader_with_the_view_it_was_exported_from() {
        let state = UrlState::parse("?q=Indus+treaty&year=2025&view=quotes");
        let reading = UrlState::parse(&reader_query(&state, "pakistan-slams", 1));
        assert_eq!(reading.article.as_deref(), Some("pakistan-slams"));
        // The search, filters and view are kept: the reader marks the search's words.
        let mut without_article = reading.clone();
        without_article.article = None;
        assert_eq!(without_article, state);
        // Beside the page of results listing it, not the page exported from.
        let on_page_two = UrlState::parse("?q=harbour&page=2");
        let first_row = UrlState::parse(&reader_query(&on_page_two, "a", 1));
        assert_eq!(first_row.page, 1);
        assert_eq!(
            reader_query(&on_page_two, "a", 3),
            "?q=harbour&page=3&article=a"
        );
    }
}
