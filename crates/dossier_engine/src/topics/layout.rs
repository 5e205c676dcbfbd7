//! The 2-D topic map: every article is described by its cosine to each topic centre, and those
//! small dense vectors are projected on their first two principal components (power iteration
//! with deflation on the k x k covariance). Topics sit at the mean of their members. Component
//! signs are fixed (largest entry positive), so the map does not flip between builds.

use crate::text::Text;
use serde::{Deserialize, Serialize};

use super::kmeans::Points;
use super::round4;
use crate::article::Article;

/// A topic's place on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicPoint {
    pub topic: usize,
    pub x: f32,
    pub y: f32,
}

/// An article's place on the map; coordinates are in [-1, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticlePoint {
    pub article: Text,
    pub topic: Option<usize>,
    pub x: f32,
    pub y: f32,
}

/// The topic map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub topics: Vec<TopicPoint>,
    pub articles: Vec<ArticlePoint>,
}

const POWER_ITERATIONS: usize = 200;

pub(crate) fn layout(
    points: &Points,
    clustered: &[usize],
    point_topic: &[Option<usize>],
    centroids: &[Vec<f32>],
    articles: &[Article],
) -> Layout {
    let k = centroids.len();
    // Topic-similarity features per article (zeros for articles that were not clustered).
    let features: Vec<Vec<f64>> = (0..articles.len())
        .map(|i| match clustered.binary_search(&i) {
            Ok(point) => centroids
                .iter()
                .map(|c| f64::from(points.dot(point, c)))
                .collect(),
            Err(_) => vec![0.0; k],
        })
        .collect();
    let coordinates = principal_coordinates(&features, k);

    let topic_of = |i: usize| {
        clustered
            .binary_search(&i)
            .ok()
            .and_then(|p| point_topic.get(p).copied().flatten())
    };
    let article_points: Vec<ArticlePoint> = articles
        .iter()
        .zip(&coordinates)
        .enumerate()
        .map(|(i, (article, &(x, y)))| ArticlePoint {
            article: article.id.as_str().into(),
            topic: topic_of(i),
            x: round4(x),
            y: round4(y),
        })
        .collect();
    let topics = (0..k)
        .map(|t| {
            let (mut sx, mut sy, mut count) = (0.0, 0.0, 0.0);
            for (i, &(x, y)) in coordinates.iter().enumerate() {
                if topic_of(i) == Some(t) {
                    sx += x;
                    sy += y;
                    count += 1.0;
                }
            }
            let count: f64 = if count > 0.0 { count } else { 1.0 };
            TopicPoint {
                topic: t,
                x: round4(sx / count),
                y: round4(sy / count),
            }
        })
        .collect();
    Layout {
        topics,
        articles: article_points,
    }
}

/// Scores of each row on the first two principal components, scaled into [-1, 1].
fn principal_coordinates(rows: &[Vec<f64>], dim: usize) -> Vec<(f64, f64)> {
    let n = rows.len().max(1) as f64;
    let mut mean = vec![0.0; dim];
    for row in rows {
        for (m, x) in mean.iter_mut().zip(row) {
            *m += x / n;
        }
    }
    let centred: Vec<Vec<f64>> = rows
        .iter()
        .map(|row| row.iter().zip(&mean).map(|(x, m)| x - m).collect())
        .collect();
    let mut covariance = vec![vec![0.0; dim]; dim];
    for row in &centred {
        for (a, ra) in row.iter().enumerate() {
            for (b, rb) in row.iter().enumerate() {
                if let Some(cell) = covariance.get_mut(a).and_then(|r| r.get_mut(b)) {
                    *cell += ra * rb / n;
                }
            }
        }
    }
    let first = top_eigenvector(&covariance);
    deflate(&mut covariance, &first);
    let second = top_eigenvector(&covariance);
    let project = |row: &Vec<f64>, v: &Option<(f64, Vec<f64>)>| {
        v.as_ref()
            .map_or(0.0, |(_, v)| row.iter().zip(v).map(|(a, b)| a * b).sum())
    };
    let coordinates: Vec<(f64, f64)> = centred
        .iter()
        .map(|row| (project(row, &first), project(row, &second)))
        .collect();
    let scale = coordinates
        .iter()
        .map(|(x, y)| x.abs().max(y.abs()))
        .fold(0.0, f64::max);
    if scale > 0.0 {
        coordinates
            .into_iter()
            .map(|(x, y)| (x / scale, y / scale))
            .collect()
    } else {
        coordinates
    }
}

/// Dominant eigenpair of a symmetric positive semi-definite matrix, or `None` when it is
/// (numerically) zero. Starts from a fixed vector; the sign is normalised.
fn top_eigenvector(matrix: &[Vec<f64>]) -> Option<(f64, Vec<f64>)> {
    let dim = matrix.len();
    if dim == 0 {
        return None;
    }
    // A fixed, non-symmetric start so it is not orthogonal to the answer by construction.
    let mut v: Vec<f64> = (0..dim).map(|i| 1.0 + i as f64 / dim as f64).collect();
    let mut eigenvalue = 0.0;
    for _ in 0..POWER_ITERATIONS {
        let next: Vec<f64> = matrix
            .iter()
            .map(|row| row.iter().zip(&v).map(|(a, b)| a * b).sum())
            .collect();
        let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm < 1e-12 {
            return None;
        }
        eigenvalue = norm;
        v = next.into_iter().map(|x| x / norm).collect();
    }
    // Sign: the largest-magnitude entry is positive (first such entry on ties).
    let pivot = v.iter().copied().fold(
        0.0f64,
        |best, x| if x.abs() > best.abs() { x } else { best },
    );
    if pivot < 0.0 {
        v.iter_mut().for_each(|x| *x = -*x);
    }
    Some((eigenvalue, v))
}

fn deflate(matrix: &mut [Vec<f64>], pair: &Option<(f64, Vec<f64>)>) {
    if let Some((lambda, v)) = pair {
        for (a, row) in matrix.iter_mut().enumerate() {
            for (b, cell) in row.iter_mut().enumerate() {
                let va = v.get(a).copied().unwrap_or(0.0);
                let vb = v.get(b).copied().unwrap_or(0.0);
                *cell -= lambda * va * vb;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn power_iteration_finds_the_dominant_axis_with_fixed_sign() {
        let m = vec![vec![3.0, 0.0], vec![0.0, 1.0]];
        let (lambda, v) = top_eigenvector(&m).unwrap();
        assert!((lambda - 3.0).abs() < 1e-6);
        assert!((v[0] - 1.0).abs() < 1e-6 && v[1].abs() < 1e-6);
    }

    #[test]
    fn coordinates_are_scaled_into_unit_square() {
        let rows = vec![
            vec![1.0, 0.0, 0.0],
            vec![0.0, 1.0, 0.0],
            vec![0.0, 0.0, 1.0],
            vec![0.9, 0.1, 0.0],
        ];
        let c = principal_coordinates(&rows, 3);
        assert!(c.iter().all(|(x, y)| x.abs() <= 1.0 && y.abs() <= 1.0));
        assert!(c
            .iter()
            .any(|(x, y)| (x.abs() - 1.0).abs() < 1e-9 || (y.abs() - 1.0).abs() < 1e-9));
    }
}
