//! External clustering metrics against gold labels: normalised mutual information (arithmetic
//! normalisation, scikit-learn's default) and the adjusted Rand index.

use std::collections::BTreeMap;

/// Contingency counts of two labelings of the same items.
fn contingency(a: &[usize], b: &[usize]) -> (BTreeMap<(usize, usize), f64>, Vec<f64>, Vec<f64>) {
    let mut joint = BTreeMap::new();
    let a_max = a.iter().copied().max().map_or(0, |m| m + 1);
    let b_max = b.iter().copied().max().map_or(0, |m| m + 1);
    let mut rows = vec![0.0; a_max];
    let mut cols = vec![0.0; b_max];
    for (&x, &y) in a.iter().zip(b) {
        *joint.entry((x, y)).or_insert(0.0) += 1.0;
        if let Some(r) = rows.get_mut(x) {
            *r += 1.0;
        }
        if let Some(c) = cols.get_mut(y) {
            *c += 1.0;
        }
    }
    (joint, rows, cols)
}

fn entropy(counts: &[f64], n: f64) -> f64 {
    counts
        .iter()
        .filter(|&&c| c > 0.0)
        .map(|&c| -(c / n) * (c / n).ln())
        .sum()
}

/// NMI with arithmetic-mean normalisation. 1.0 when both labelings are a single cluster.
pub fn normalized_mutual_information(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len().min(b.len()) as f64;
    if n == 0.0 {
        return 1.0;
    }
    let (joint, rows, cols) = contingency(a, b);
    let (ha, hb) = (entropy(&rows, n), entropy(&cols, n));
    if ha == 0.0 && hb == 0.0 {
        return 1.0;
    }
    let mi: f64 = joint
        .iter()
        .map(|(&(x, y), &c)| {
            let r = rows.get(x).copied().unwrap_or(1.0);
            let k = cols.get(y).copied().unwrap_or(1.0);
            (c / n) * ((n * c) / (r * k)).ln()
        })
        .sum();
    let denominator = (ha + hb) / 2.0;
    if denominator <= 0.0 {
        0.0
    } else {
        (mi / denominator).clamp(0.0, 1.0)
    }
}

/// Adjusted Rand index (Hubert and Arabie 1985).
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len().min(b.len()) as f64;
    let pairs = |x: f64| x * (x - 1.0) / 2.0;
    let (joint, rows, cols) = contingency(a, b);
    let index: f64 = joint.values().map(|&c| pairs(c)).sum();
    let sum_rows: f64 = rows.iter().map(|&c| pairs(c)).sum();
    let sum_cols: f64 = cols.iter().map(|&c| pairs(c)).sum();
    let total = pairs(n);
    if total <= 0.0 {
        return 1.0;
    }
    let expected = sum_rows * sum_cols / total;
    let maximum = (sum_rows + sum_cols) / 2.0;
    if (maximum - expected).abs() < f64::EPSILON {
        return 1.0;
    }
    (index - expected) / (maximum - expected)
}

/// Maps string labels to dense ids in order of first appearance.
pub fn label_ids<S: AsRef<str>>(labels: &[S]) -> Vec<usize> {
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    labels
        .iter()
        .map(|l| {
            let next = ids.len();
            *ids.entry(l.as_ref()).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_partitions_score_one_whatever_the_names() {
        let a = [0, 0, 1, 1, 2, 2];
        let b = [5, 5, 3, 3, 4, 4];
        assert!((normalized_mutual_information(&a, &b) - 1.0).abs() < 1e-12);
        assert!((adjusted_rand_index(&a, &b) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn matches_scikit_learn_reference_values() {
        // sklearn: normalized_mutual_info_score([0,0,1,1],[0,0,1,2]) = 0.8; ARI = 0.5714285714
        let a = [0, 0, 1, 1];
        let b = [0, 0, 1, 2];
        assert!((normalized_mutual_information(&a, &b) - 0.8).abs() < 1e-9);
        assert!((adjusted_rand_index(&a, &b) - 0.571_428_571_4).abs() < 1e-9);
    }

    #[test]
    fn label_ids_follow_first_appearance() {
        assert_eq!(label_ids(&["b", "a", "b", "c"]), vec![0, 1, 0, 2]);
    }
}
