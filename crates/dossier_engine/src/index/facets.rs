//! The facet model: named dimensions with string values per document.
//!
//! The index does not know where values come from. Kind, source and year are derived from the
//! [`Article`] by [`DocFacets::from_article`]; topic, place, person, org and country are supplied
//! by analytics at index build time. Values are matched case-insensitively as whole strings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// One facet dimension. Serialised in lower case (`"topic"`, `"year"`, ...), which is also the
/// query-language field name (`topic:`, `year:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKey {
    Topic,
    Kind,
    Source,
    Year,
    Place,
    Person,
    Org,
    Country,
}

impl FacetKey {
    /// Every key, in display order.
    pub const ALL: [FacetKey; 8] = [
        FacetKey::Topic,
        FacetKey::Kind,
        FacetKey::Source,
        FacetKey::Year,
        FacetKey::Place,
        FacetKey::Person,
        FacetKey::Org,
        FacetKey::Country,
    ];

    /// The lower-case name used in queries and JSON.
    pub fn name(self) -> &'static str {
        match self {
            FacetKey::Topic => "topic",
            FacetKey::Kind => "kind",
            FacetKey::Source => "source",
            FacetKey::Year => "year",
            FacetKey::Place => "place",
            FacetKey::Person => "person",
            FacetKey::Org => "org",
            FacetKey::Country => "country",
        }
    }

    /// The key named `name` (case-insensitive), if any.
    pub fn from_name(name: &str) -> Option<FacetKey> {
        FacetKey::ALL
            .into_iter()
            .find(|key| key.name().eq_ignore_ascii_case(name))
    }

    /// Dense index of the key, `0..ALL.len()`.
    pub(crate) fn slot(self) -> usize {
        self as usize
    }
}

/// Facet values of one document: for each key, its values (a document may have several places).
pub type DocFacets = BTreeMap<FacetKey, Vec<String>>;

/// The facets that can be read off an article itself: kind, source (when stated) and year (when
/// the date is known).
pub fn article_facets(article: &Article) -> DocFacets {
    let mut facets = DocFacets::new();
    if !article.kind.trim().is_empty() {
        facets.insert(FacetKey::Kind, vec![article.kind.trim().to_string()]);
    }
    if let Some(source) = article.source.as_deref().map(str::trim) {
        if !source.is_empty() {
            facets.insert(FacetKey::Source, vec![source.to_string()]);
        }
    }
    if let Some(year) = article.date.as_deref().and_then(year_of) {
        facets.insert(FacetKey::Year, vec![year.to_string()]);
    }
    facets
}

/// The four-digit year at the start of a `YYYY-MM-DD` date.
fn year_of(date: &str) -> Option<&str> {
    let year = date.get(..4)?;
    year.bytes().all(|b| b.is_ascii_digit()).then_some(year)
}

/// How many documents of the match set carry one facet value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value as first seen in the corpus (original case).
    pub value: String,
    pub count: usize,
}

/// Per-key value dictionaries and per-document value ids, built once with the index.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct FacetTable {
    /// For each key slot: the distinct values (original case of first occurrence).
    pub values: Vec<Vec<String>>,
    /// For each key slot: the lower-cased value, for case-insensitive lookups (same order).
    pub lowered: Vec<Vec<String>>,
    /// For each document, for each key slot: ids into `values`.
    pub docs: Vec<Vec<Vec<u32>>>,
}

impl FacetTable {
    /// Builds the table from each document's facets, in document order. Duplicate values within
    /// a document (ignoring case) count once; blank values are ignored.
    pub fn build<'a>(docs: impl Iterator<Item = &'a DocFacets>) -> Self {
        let mut table = FacetTable {
            values: vec![Vec::new(); FacetKey::ALL.len()],
            lowered: vec![Vec::new(); FacetKey::ALL.len()],
            docs: Vec::new(),
        };
        // Build-time only: lower-cased value -> id, so building is not quadratic in values.
        let mut ids_by_value: Vec<BTreeMap<String, u32>> =
            vec![BTreeMap::new(); FacetKey::ALL.len()];
        for facets in docs {
            let mut per_key = vec![Vec::new(); FacetKey::ALL.len()];
            for (key, values) in facets {
                let (Some(dict), Some(lowered), Some(known), Some(ids)) = (
                    table.values.get_mut(key.slot()),
                    table.lowered.get_mut(key.slot()),
                    ids_by_value.get_mut(key.slot()),
                    per_key.get_mut(key.slot()),
                ) else {
                    continue;
                };
                for value in values {
                    let value = value.trim();
                    if value.is_empty() {
                        continue;
                    }
                    let low = value.to_lowercase();
                    let next_id = u32::try_from(dict.len()).unwrap_or(u32::MAX);
                    let id = *known.entry(low.clone()).or_insert_with(|| {
                        dict.push(value.to_string());
                        lowered.push(low);
                        next_id
                    });
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
            table.docs.push(per_key);
        }
        table
    }

    /// Value ids of one document under one key.
    pub fn doc_values(&self, doc: u32, key: FacetKey) -> &[u32] {
        self.docs
            .get(doc as usize)
            .and_then(|keys| keys.get(key.slot()))
            .map_or(&[], Vec::as_slice)
    }

    /// Ids of the values of `key` equal (ignoring case) to any of `wanted`.
    pub fn lookup(&self, key: FacetKey, wanted: &[String]) -> Vec<u32> {
        let Some(lowered) = self.lowered.get(key.slot()) else {
            return Vec::new();
        };
        let wanted: Vec<String> = wanted.iter().map(|w| w.trim().to_lowercase()).collect();
        lowered
            .iter()
            .enumerate()
            .filter(|(_, v)| wanted.contains(v))
            .filter_map(|(id, _)| u32::try_from(id).ok())
            .collect()
    }

    /// Display value of an id.
    pub fn value(&self, key: FacetKey, id: u32) -> Option<&str> {
        self.values
            .get(key.slot())
            .and_then(|values| values.get(id as usize))
            .map(String::as_str)
    }

    /// Number of distinct values under a key.
    pub fn value_count(&self, key: FacetKey) -> usize {
        self.values.get(key.slot()).map_or(0, Vec::len)
    }
}
