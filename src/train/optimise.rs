//! Fitting an L2-regularised logistic regression over binary features with L-BFGS.
//!
//! Why written here rather than taken from a crate: the problem is one small convex function
//! (a few thousand rows of a few dozen present features each), the Rust logistic-regression
//! crates (linfa-logistic, via argmin and ndarray) want dense matrices and bring a numeric
//! stack into the linter's build, and this fits in a hundred lines that are checked below
//! against finite differences. Full-batch L-BFGS needs no random numbers, so a model is
//! reproduced bit for bit from the same data.

/// A training set: each row lists the indices of the features it has.
pub struct Problem<'a> {
    pub rows: &'a [Vec<u32>],
    pub labels: &'a [bool],
    pub features: usize,
    /// The L2 penalty on the weights (not on the bias), per row: the objective is the mean
    /// log loss plus `l2 / 2 · |w|²`.
    pub l2: f64,
}

/// A fitted model: the bias and one weight per feature.
#[derive(Debug, Clone)]
pub struct Fit {
    pub bias: f64,
    pub weights: Vec<f64>,
    pub iterations: usize,
}

/// How many past steps L-BFGS remembers.
const MEMORY: usize = 10;
const MAX_ITERATIONS: usize = 400;
const GRADIENT_TOLERANCE: f64 = 1e-6;

impl Problem<'_> {
    /// The objective at `x` (bias first, then the weights) and its gradient.
    fn objective(&self, x: &[f64], gradient: &mut [f64]) -> f64 {
        let n = self.rows.len().max(1) as f64;
        gradient.iter_mut().for_each(|g| *g = 0.0);
        let mut loss = 0.0;
        for (row, &positive) in self.rows.iter().zip(self.labels) {
            let z = x[0] + row.iter().map(|&j| x[j as usize + 1]).sum::<f64>();
            let sign = if positive { 1.0 } else { -1.0 };
            loss += softplus(-sign * z);
            // d/dz log(1 + e^(-yz)) = σ(z) - t
            let target = if positive { 1.0 } else { 0.0 };
            let residual = (sigmoid(z) - target) / n;
            gradient[0] += residual;
            for &j in row {
                gradient[j as usize + 1] += residual;
            }
        }
        let mut penalty = 0.0;
        for (w, g) in x[1..].iter().zip(&mut gradient[1..]) {
            penalty += w * w;
            *g += self.l2 * w;
        }
        loss / n + self.l2 / 2.0 * penalty
    }

    /// Minimises the objective from zero weights.
    pub fn fit(&self) -> Fit {
        let dim = self.features + 1;
        let mut x = vec![0.0; dim];
        let mut gradient = vec![0.0; dim];
        let mut value = self.objective(&x, &mut gradient);
        let mut history: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::with_capacity(MEMORY);
        let mut iterations = 0;
        while iterations < MAX_ITERATIONS && max_abs(&gradient) > GRADIENT_TOLERANCE {
            iterations += 1;
            let direction = two_loop(&gradient, &history);
            let slope = dot(&direction, &gradient);
            if slope >= 0.0 {
                history.clear();
                continue;
            }
            let first = if history.is_empty() {
                1.0 / max_abs(&gradient).max(1.0)
            } else {
                1.0
            };
            let Some((step, next, next_gradient, next_value)) =
                self.line_search(&x, &direction, value, slope, first)
            else {
                break;
            };
            let s: Vec<f64> = next.iter().zip(&x).map(|(a, b)| a - b).collect();
            let y: Vec<f64> = next_gradient
                .iter()
                .zip(&gradient)
                .map(|(a, b)| a - b)
                .collect();
            let curvature = dot(&s, &y);
            if curvature > 1e-12 {
                if history.len() == MEMORY {
                    history.remove(0);
                }
                history.push((s, y, 1.0 / curvature));
            }
            let settled = (value - next_value).abs() <= 1e-12 * value.abs().max(1.0) && step > 0.0;
            x = next;
            gradient = next_gradient;
            value = next_value;
            if settled {
                break;
            }
        }
        Fit {
            bias: x[0],
            weights: x[1..].to_vec(),
            iterations,
        }
    }

    /// Backtracking until the Armijo condition holds; `None` when no step decreases the
    /// objective.
    fn line_search(
        &self,
        x: &[f64],
        direction: &[f64],
        value: f64,
        slope: f64,
        first: f64,
    ) -> Option<(f64, Vec<f64>, Vec<f64>, f64)> {
        let mut step = first;
        let mut gradient = vec![0.0; x.len()];
        for _ in 0..40 {
            let next: Vec<f64> = x.iter().zip(direction).map(|(a, d)| a + step * d).collect();
            let next_value = self.objective(&next, &mut gradient);
            if next_value <= value + 1e-4 * step * slope {
                return Some((step, next, gradient, next_value));
            }
            step /= 2.0;
        }
        None
    }
}

/// The L-BFGS direction: minus the inverse Hessian estimate times the gradient.
fn two_loop(gradient: &[f64], history: &[(Vec<f64>, Vec<f64>, f64)]) -> Vec<f64> {
    let mut q = gradient.to_vec();
    let mut alphas = Vec::with_capacity(history.len());
    for (s, y, rho) in history.iter().rev() {
        let alpha = rho * dot(s, &q);
        q.iter_mut().zip(y).for_each(|(qi, yi)| *qi -= alpha * yi);
        alphas.push(alpha);
    }
    if let Some((s, y, _)) = history.last() {
        let gamma = dot(s, y) / dot(y, y);
        q.iter_mut().for_each(|qi| *qi *= gamma);
    }
    for ((s, y, rho), alpha) in history.iter().zip(alphas.into_iter().rev()) {
        let beta = rho * dot(y, &q);
        q.iter_mut()
            .zip(s)
            .for_each(|(qi, si)| *qi += (alpha - beta) * si);
    }
    q.iter_mut().for_each(|qi| *qi = -*qi);
    q
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// log(1 + e^x) without overflow.
fn softplus(x: f64) -> f64 {
    if x > 30.0 { x } else { x.exp().ln_1p() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> (Vec<Vec<u32>>, Vec<bool>) {
        // Feature 0 marks positives, feature 1 negatives, feature 2 is noise on both sides.
        let rows = vec![
            vec![0],
            vec![0, 2],
            vec![0],
            vec![1],
            vec![1, 2],
            vec![1],
            vec![2],
            vec![0, 1],
        ];
        let labels = vec![true, true, true, false, false, false, true, false];
        (rows, labels)
    }

    #[test]
    fn the_gradient_matches_finite_differences() {
        let (rows, labels) = toy();
        let problem = Problem {
            rows: &rows,
            labels: &labels,
            features: 3,
            l2: 0.1,
        };
        let x = [0.3, -0.7, 1.1, 0.2];
        let mut gradient = [0.0; 4];
        problem.objective(&x, &mut gradient);
        for i in 0..4 {
            let h = 1e-6;
            let (mut up, mut down) = (x, x);
            up[i] += h;
            down[i] -= h;
            let mut scratch = [0.0; 4];
            let numeric = (problem.objective(&up, &mut scratch)
                - problem.objective(&down, &mut scratch))
                / (2.0 * h);
            assert!(
                (numeric - gradient[i]).abs() < 1e-6,
                "{i}: {numeric} vs {}",
                gradient[i]
            );
        }
    }

    #[test]
    fn a_fit_separates_the_classes_and_is_reproducible() {
        let (rows, labels) = toy();
        let problem = Problem {
            rows: &rows,
            labels: &labels,
            features: 3,
            l2: 0.01,
        };
        let fit = problem.fit();
        assert!(fit.weights[0] > 1.0 && fit.weights[1] < -1.0, "{fit:?}");
        let mut gradient = vec![0.0; 4];
        let x: Vec<f64> = std::iter::once(fit.bias)
            .chain(fit.weights.clone())
            .collect();
        problem.objective(&x, &mut gradient);
        assert!(
            max_abs(&gradient) < 1e-5,
            "not at the minimum: {gradient:?}"
        );
        assert_eq!(problem.fit().weights, fit.weights);
    }
}
