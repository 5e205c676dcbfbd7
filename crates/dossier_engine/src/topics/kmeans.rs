//! Spherical k-means (cosine similarity on unit vectors) with seeded k-means++ starts, and the
//! silhouette score used to choose k.

use super::rng::SplitMix64;
use super::vectors::SparseVec;

/// The points being clustered: sparse TF-IDF vectors or dense LSA vectors, all unit length
/// (or zero). Centroids are always dense.
#[derive(Debug, Clone)]
pub(crate) enum Points {
    Sparse { vectors: Vec<SparseVec>, dim: usize },
    Dense { vectors: Vec<Vec<f32>>, dim: usize },
}

impl Points {
    pub(crate) fn len(&self) -> usize {
        match self {
            Points::Sparse { vectors, .. } => vectors.len(),
            Points::Dense { vectors, .. } => vectors.len(),
        }
    }

    pub(crate) fn dim(&self) -> usize {
        match self {
            Points::Sparse { dim, .. } | Points::Dense { dim, .. } => *dim,
        }
    }

    /// Dot product of point `i` with a dense vector of length `dim`.
    pub(crate) fn dot(&self, i: usize, dense: &[f32]) -> f32 {
        match self {
            Points::Sparse { vectors, .. } => vectors.get(i).map_or(0.0, |v| v.dot_dense(dense)),
            Points::Dense { vectors, .. } => vectors
                .get(i)
                .map_or(0.0, |v| v.iter().zip(dense).map(|(a, b)| a * b).sum()),
        }
    }

    /// Adds point `i` into a dense accumulator.
    pub(crate) fn add_to(&self, i: usize, dense: &mut [f32]) {
        match self {
            Points::Sparse { vectors, .. } => {
                for &(feature, w) in vectors.get(i).map_or(&[][..], |v| &v.entries) {
                    if let Some(slot) = dense.get_mut(feature as usize) {
                        *slot += w;
                    }
                }
            }
            Points::Dense { vectors, .. } => {
                if let Some(v) = vectors.get(i) {
                    for (slot, w) in dense.iter_mut().zip(v) {
                        *slot += w;
                    }
                }
            }
        }
    }

    pub(crate) fn to_dense(&self, i: usize) -> Vec<f32> {
        let mut dense = vec![0.0; self.dim()];
        self.add_to(i, &mut dense);
        dense
    }

    /// Cosine similarities of point `i` to every point.
    pub(crate) fn similarity_row(&self, i: usize) -> Vec<f32> {
        let dense = self.to_dense(i);
        (0..self.len()).map(|j| self.dot(j, &dense)).collect()
    }

    /// For every point, the `limit` most similar other points with cosine > 0, best first; ties
    /// by point order. Sparse points go through an inverted index (feature -> points), so only
    /// pairs that share a feature are scored: the all-pairs scan this replaces was quadratic in
    /// the corpus (hours on 50,000 articles). The scores are the same floats as
    /// [`Points::similarity_row`]'s: the same products added in the same (feature) order.
    pub(crate) fn nearest_neighbours(&self, limit: usize) -> Vec<Vec<(f32, usize)>> {
        let n = self.len();
        match self {
            Points::Sparse { vectors, dim } => {
                let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); *dim];
                for (point, vector) in vectors.iter().enumerate() {
                    let point = u32::try_from(point).unwrap_or(u32::MAX);
                    for &(feature, w) in &vector.entries {
                        if let Some(list) = postings.get_mut(feature as usize) {
                            list.push((point, w));
                        }
                    }
                }
                // One accumulator for all rows; `touched` lists the slots to read and reset.
                let mut scores = vec![0.0_f32; n];
                let mut touched: Vec<usize> = Vec::new();
                vectors
                    .iter()
                    .enumerate()
                    .map(|(point, vector)| {
                        for &(feature, w) in &vector.entries {
                            for &(other, w_other) in postings
                                .get(feature as usize)
                                .map_or(&[][..], Vec::as_slice)
                            {
                                let other = other as usize;
                                if let Some(slot) = scores.get_mut(other) {
                                    if *slot == 0.0 {
                                        touched.push(other);
                                    }
                                    *slot += w_other * w;
                                }
                            }
                        }
                        let candidates: Vec<(f32, usize)> = touched
                            .drain(..)
                            .filter_map(|other| {
                                let slot = scores.get_mut(other)?;
                                let score = std::mem::take(slot);
                                (other != point && score > 0.0).then_some((score, other))
                            })
                            .collect();
                        best_first(candidates, limit)
                    })
                    .collect()
            }
            Points::Dense { .. } => (0..n)
                .map(|point| {
                    let candidates = self
                        .similarity_row(point)
                        .into_iter()
                        .enumerate()
                        .filter(|&(other, s)| other != point && s > 0.0)
                        .map(|(other, s)| (s, other))
                        .collect();
                    best_first(candidates, limit)
                })
                .collect(),
        }
    }
}

/// The `limit` best of `(score, point)` pairs: score descending, then point ascending.
fn best_first(mut candidates: Vec<(f32, usize)>, limit: usize) -> Vec<(f32, usize)> {
    crate::top_k(&mut candidates, limit, |a, b| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
    });
    // Without this every row would keep its candidates' capacity: quadratic memory in total.
    candidates.shrink_to_fit();
    candidates
}

/// Normalises a dense vector to unit length (zero stays zero).
pub(crate) fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for x in v.iter_mut() {
            *x /= norm;
        }
    }
}

/// One clustering: cluster per point, unit centroids, and the summed cosine to the centroids.
#[derive(Debug, Clone)]
pub(crate) struct Clustering {
    pub(crate) assignment: Vec<usize>,
    pub(crate) centroids: Vec<Vec<f32>>,
    pub(crate) objective: f64,
}

/// Tuning of one k-means run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KMeansParams {
    pub(crate) k: usize,
    pub(crate) seed: u64,
    pub(crate) restarts: usize,
    pub(crate) max_iterations: usize,
}

/// Best of `restarts` seeded spherical k-means runs (highest objective; ties: earliest run).
pub(crate) fn spherical_kmeans(points: &Points, params: KMeansParams) -> Clustering {
    let mut seeds = SplitMix64::new(params.seed);
    let mut best: Option<Clustering> = None;
    for _ in 0..params.restarts.max(1) {
        let run = single_run(points, params.k, seeds.next_u64(), params.max_iterations);
        if best.as_ref().is_none_or(|b| run.objective > b.objective) {
            best = Some(run);
        }
    }
    best.unwrap_or_else(|| Clustering {
        assignment: vec![0; points.len()],
        centroids: Vec::new(),
        objective: 0.0,
    })
}

fn single_run(points: &Points, k: usize, seed: u64, max_iterations: usize) -> Clustering {
    let n = points.len();
    let k = k.clamp(1, n.max(1));
    let mut rng = SplitMix64::new(seed);
    let mut centroids = kmeans_plus_plus(points, k, &mut rng);
    let mut assignment = vec![usize::MAX; n];
    let mut similarity = vec![0.0f32; n];
    for _ in 0..max_iterations.max(1) {
        let mut changed = false;
        for i in 0..n {
            let (best, sim) = nearest(points, i, &centroids);
            if assignment.get(i) != Some(&best) {
                changed = true;
            }
            if let (Some(a), Some(s)) = (assignment.get_mut(i), similarity.get_mut(i)) {
                *a = best;
                *s = sim;
            }
        }
        if !changed {
            break;
        }
        fill_empty_clusters(&mut assignment, &similarity, k);
        centroids = compute_centroids(points, &assignment, k);
    }
    let objective = (0..n)
        .map(|i| {
            let c = assignment.get(i).copied().unwrap_or(0);
            centroids.get(c).map_or(0.0, |cv| points.dot(i, cv) as f64)
        })
        .sum();
    Clustering {
        assignment,
        centroids,
        objective,
    }
}

/// Index and similarity of the closest centroid (ties: lowest index).
pub(crate) fn nearest(points: &Points, i: usize, centroids: &[Vec<f32>]) -> (usize, f32) {
    let mut best = (0, f32::NEG_INFINITY);
    for (c, centroid) in centroids.iter().enumerate() {
        let sim = points.dot(i, centroid);
        if sim > best.1 {
            best = (c, sim);
        }
    }
    best
}

/// k-means++ on cosine distance: each next centre is drawn with probability proportional to
/// 1 - (best similarity to the centres so far).
fn kmeans_plus_plus(points: &Points, k: usize, rng: &mut SplitMix64) -> Vec<Vec<f32>> {
    let n = points.len();
    let mut centroids = Vec::with_capacity(k);
    if n == 0 {
        return centroids;
    }
    let first = rng.below(n);
    centroids.push(points.to_dense(first));
    let mut best_sim: Vec<f32> = (0..n)
        .map(|i| points.dot(i, centroids.last().map_or(&[][..], |c| c)))
        .collect();
    let mut chosen = vec![first];
    while centroids.len() < k {
        let weights: Vec<f64> = best_sim
            .iter()
            .map(|&s| f64::from((1.0 - s).max(0.0)))
            .collect();
        let total: f64 = weights.iter().sum();
        let pick = if total <= 0.0 {
            // Every point duplicates a centre: take the first point not yet chosen.
            (0..n).find(|i| !chosen.contains(i)).unwrap_or(0)
        } else {
            let mut target = rng.next_f64() * total;
            let mut pick = n.saturating_sub(1);
            for (i, w) in weights.iter().enumerate() {
                if target < *w {
                    pick = i;
                    break;
                }
                target -= w;
            }
            pick
        };
        chosen.push(pick);
        let centre = points.to_dense(pick);
        for (i, s) in best_sim.iter_mut().enumerate() {
            *s = s.max(points.dot(i, &centre));
        }
        centroids.push(centre);
    }
    centroids
}

/// Gives every empty cluster the point that currently fits its own cluster worst (taken from a
/// cluster with more than one member), so k stays k.
fn fill_empty_clusters(assignment: &mut [usize], similarity: &[f32], k: usize) {
    for cluster in 0..k {
        let mut sizes = vec![0usize; k];
        for &a in assignment.iter() {
            if let Some(s) = sizes.get_mut(a) {
                *s += 1;
            }
        }
        if sizes.get(cluster).copied().unwrap_or(0) > 0 {
            continue;
        }
        let donor = assignment
            .iter()
            .zip(similarity)
            .enumerate()
            .filter(|(_, (a, _))| sizes.get(**a).copied().unwrap_or(0) > 1)
            .min_by(|(_, (_, x)), (_, (_, y))| x.total_cmp(y))
            .map(|(i, _)| i);
        if let Some(slot) = donor.and_then(|i| assignment.get_mut(i)) {
            *slot = cluster;
        }
    }
}

/// Unit-length mean of each cluster's members.
pub(crate) fn compute_centroids(points: &Points, assignment: &[usize], k: usize) -> Vec<Vec<f32>> {
    let mut centroids = vec![vec![0.0f32; points.dim()]; k];
    for (i, &c) in assignment.iter().enumerate() {
        if let Some(centroid) = centroids.get_mut(c) {
            points.add_to(i, centroid);
        }
    }
    for centroid in &mut centroids {
        normalise(centroid);
    }
    centroids
}

/// Mean silhouette (cosine distance) of the `sample` points, given their precomputed similarity
/// rows to all points. A point alone in its cluster scores 0 (Rousseeuw's convention).
pub(crate) fn silhouette(rows: &[(usize, Vec<f32>)], assignment: &[usize], k: usize) -> f64 {
    let mut sizes = vec![0usize; k];
    for &a in assignment {
        if let Some(s) = sizes.get_mut(a) {
            *s += 1;
        }
    }
    if sizes.iter().filter(|&&s| s > 0).count() < 2 || rows.is_empty() {
        return 0.0;
    }
    let mut total = 0.0;
    for (i, row) in rows {
        let mut distance_sums = vec![0.0f64; k];
        for (j, sim) in row.iter().enumerate() {
            if j == *i {
                continue;
            }
            if let Some(sum) = assignment.get(j).and_then(|&c| distance_sums.get_mut(c)) {
                *sum += 1.0 - f64::from(*sim);
            }
        }
        let own = assignment.get(*i).copied().unwrap_or(0);
        let own_size = sizes.get(own).copied().unwrap_or(0);
        if own_size <= 1 {
            continue;
        }
        let a = distance_sums.get(own).copied().unwrap_or(0.0) / (own_size - 1) as f64;
        let b = distance_sums
            .iter()
            .zip(&sizes)
            .enumerate()
            .filter(|(c, (_, &size))| *c != own && size > 0)
            .map(|(_, (sum, &size))| sum / size as f64)
            .fold(f64::INFINITY, f64::min);
        let denominator = a.max(b);
        if denominator > 0.0 && b.is_finite() {
            total += (b - a) / denominator;
        }
    }
    total / rows.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dense(points: &[[f32; 3]]) -> Points {
        Points::Dense {
            vectors: points
                .iter()
                .map(|p| {
                    let mut v = p.to_vec();
                    normalise(&mut v);
                    v
                })
                .collect(),
            dim: 3,
        }
    }

    /// The all-pairs oracle that `nearest_neighbours` replaced.
    fn naive_neighbours(points: &Points, limit: usize) -> Vec<Vec<(f32, usize)>> {
        (0..points.len())
            .map(|i| {
                let mut scored: Vec<(f32, usize)> = points
                    .similarity_row(i)
                    .into_iter()
                    .enumerate()
                    .filter(|&(j, s)| j != i && s > 0.0)
                    .map(|(j, s)| (s, j))
                    .collect();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                scored.truncate(limit);
                scored
            })
            .collect()
    }

    #[test]
    fn nearest_neighbours_equal_the_all_pairs_scan() {
        let mut rng = SplitMix64::new(7);
        for round in 0..40 {
            let dim = 1 + rng.below(12);
            let vectors: Vec<SparseVec> = (0..rng.below(30))
                .map(|_| {
                    // Few features and coarse weights: many exact ties and empty vectors.
                    let mut entries: Vec<(u32, f32)> = Vec::new();
                    for feature in 0..dim as u32 {
                        if rng.below(3) == 0 {
                            entries.push((feature, (1 + rng.below(3)) as f32));
                        }
                    }
                    super::super::vectors::normalise_entries(&mut entries);
                    SparseVec { entries }
                })
                .collect();
            let sparse = Points::Sparse { vectors, dim };
            let dense = Points::Dense {
                vectors: (0..sparse.len()).map(|i| sparse.to_dense(i)).collect(),
                dim,
            };
            for limit in [0, 1, 3, 50] {
                let expected = naive_neighbours(&sparse, limit);
                assert_eq!(
                    sparse.nearest_neighbours(limit),
                    expected,
                    "round {round}, limit {limit}"
                );
                assert_eq!(
                    dense.nearest_neighbours(limit),
                    naive_neighbours(&dense, limit)
                );
            }
        }
    }

    #[test]
    fn separates_three_obvious_groups() {
        let points = dense(&[
            [1.0, 0.1, 0.0],
            [1.0, 0.0, 0.1],
            [0.0, 1.0, 0.1],
            [0.1, 1.0, 0.0],
            [0.0, 0.1, 1.0],
            [0.1, 0.0, 1.0],
        ]);
        let params = KMeansParams {
            k: 3,
            seed: 1,
            restarts: 3,
            max_iterations: 20,
        };
        let c = spherical_kmeans(&points, params);
        let a = &c.assignment;
        assert_eq!(a[0], a[1]);
        assert_eq!(a[2], a[3]);
        assert_eq!(a[4], a[5]);
        assert_ne!(a[0], a[2]);
        assert_ne!(a[2], a[4]);
        assert_ne!(a[0], a[4]);
        let rows: Vec<_> = (0..6).map(|i| (i, points.similarity_row(i))).collect();
        let good = silhouette(&rows, a, 3);
        let bad = silhouette(&rows, &[0, 1, 2, 0, 1, 2], 3);
        assert!(good > 0.5 && good > bad, "{good} vs {bad}");
    }

    #[test]
    fn k_larger_than_points_is_clamped() {
        let points = dense(&[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]);
        let params = KMeansParams {
            k: 5,
            seed: 0,
            restarts: 1,
            max_iterations: 5,
        };
        let c = spherical_kmeans(&points, params);
        assert_eq!(c.centroids.len(), 2);
        assert_ne!(c.assignment[0], c.assignment[1]);
    }
}
