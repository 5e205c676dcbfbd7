//! Latent semantic analysis: projects the sparse TF-IDF vectors onto their top `dims` right
//! singular directions by seeded subspace (block power) iteration. Cosines between the
//! projected vectors equal those of a truncated SVD (the basis is only rotated), which is all
//! clustering needs; no eigen-solver or linear-algebra crate required.

use super::kmeans::normalise;
use super::rng::SplitMix64;
use super::vectors::SparseVec;

/// Unit-length `dims`-dimensional embeddings of `vectors` (features `0..vocabulary`).
pub(crate) fn project(
    vectors: &[SparseVec],
    vocabulary: usize,
    dims: usize,
    iterations: usize,
    seed: u64,
) -> Vec<Vec<f32>> {
    let n = vectors.len();
    let dims = dims.min(n).min(vocabulary).max(1);
    let mut rng = SplitMix64::new(seed);
    // Column-major: `doc_basis[c]` is column c, one value per document.
    let mut doc_basis: Vec<Vec<f32>> = (0..dims)
        .map(|_| {
            (0..n)
                .map(|_| (rng.next_f64() * 2.0 - 1.0) as f32)
                .collect()
        })
        .collect();
    orthonormalise(&mut doc_basis);
    for _ in 0..iterations {
        let term_basis: Vec<Vec<f32>> = doc_basis
            .iter()
            .map(|column| transpose_times(vectors, column, vocabulary))
            .collect();
        doc_basis = term_basis
            .iter()
            .map(|column| times(vectors, column))
            .collect();
        orthonormalise(&mut doc_basis);
    }
    let mut term_basis: Vec<Vec<f32>> = doc_basis
        .iter()
        .map(|column| transpose_times(vectors, column, vocabulary))
        .collect();
    orthonormalise(&mut term_basis);
    vectors
        .iter()
        .map(|v| {
            let mut row: Vec<f32> = term_basis.iter().map(|col| v.dot_dense(col)).collect();
            normalise(&mut row);
            row
        })
        .collect()
}

/// X^T y for a document-indexed `y`.
fn transpose_times(vectors: &[SparseVec], y: &[f32], vocabulary: usize) -> Vec<f32> {
    let mut out = vec![0.0f32; vocabulary];
    for (v, &weight) in vectors.iter().zip(y) {
        for &(feature, w) in &v.entries {
            if let Some(slot) = out.get_mut(feature as usize) {
                *slot += w * weight;
            }
        }
    }
    out
}

/// X z for a feature-indexed `z`.
fn times(vectors: &[SparseVec], z: &[f32]) -> Vec<f32> {
    vectors.iter().map(|v| v.dot_dense(z)).collect()
}

/// Modified Gram-Schmidt on columns; a column that collapses to zero stays zero.
fn orthonormalise(columns: &mut [Vec<f32>]) {
    for c in 0..columns.len() {
        let (done, rest) = columns.split_at_mut(c);
        let Some(column) = rest.first_mut() else {
            continue;
        };
        for previous in done.iter() {
            let projection: f32 = previous.iter().zip(column.iter()).map(|(a, b)| a * b).sum();
            for (x, p) in column.iter_mut().zip(previous) {
                *x -= projection * p;
            }
        }
        normalise(column);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_keeps_the_dominant_structure() {
        // Two groups over disjoint features: their projections stay orthogonal-ish.
        let v = |e: Vec<(u32, f32)>| {
            let mut entries = e;
            super::super::vectors::normalise_entries(&mut entries);
            SparseVec { entries }
        };
        let vectors = vec![
            v(vec![(0, 1.0), (1, 1.0)]),
            v(vec![(0, 1.0), (2, 1.0)]),
            v(vec![(3, 1.0), (4, 1.0)]),
            v(vec![(3, 1.0), (5, 1.0)]),
        ];
        let e = project(&vectors, 6, 2, 8, 3);
        let dot = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
        assert!(dot(&e[0], &e[1]) > 0.9);
        assert!(dot(&e[2], &e[3]) > 0.9);
        assert!(dot(&e[0], &e[2]).abs() < 0.1);
    }
}
