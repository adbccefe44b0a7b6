/** Source and tests of the Python library archetype (e): numpydoc, typed, a NullHandler logger. */

/** src/probcal/metrics.py: the public metrics, numpydoc, a module logger. */
export const metrics = `"""Calibration metrics for probabilistic classifiers."""
from __future__ import annotations

import logging

import numpy as np
from numpy.typing import ArrayLike, NDArray

from probcal._validation import check_probabilities
from probcal.binning import uniform_bins

logger = logging.getLogger(__name__)

__all__ = ["brier_score", "expected_calibration_error", "reliability_curve"]


def expected_calibration_error(y_true: ArrayLike, y_prob: ArrayLike, n_bins: int = 15) -> float:
    """Expected calibration error (ECE) of binary predictions.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels, 0 or 1.
    y_prob : array-like of shape (n_samples,)
        Predicted probabilities of the positive class.
    n_bins : int, default=15
        Number of equal-width bins on [0, 1].

    Returns
    -------
    float
        The bin-weighted mean absolute gap between accuracy and confidence.

    Examples
    --------
    >>> expected_calibration_error([0, 1, 1], [0.1, 0.8, 0.9])
    0.1333...
    """
    labels, probs = check_probabilities(y_true, y_prob)
    edges = uniform_bins(n_bins)
    ids = np.clip(np.digitize(probs, edges[1:-1]), 0, n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        mask = ids == b
        if mask.any():
            ece += mask.mean() * abs(labels[mask].mean() - probs[mask].mean())
    logger.debug("ece over %d bins: %.5f", n_bins, ece)
    return float(ece)


def brier_score(y_true: ArrayLike, y_prob: ArrayLike) -> float:
    """Mean squared error between the labels and the predicted probabilities."""
    labels, probs = check_probabilities(y_true, y_prob)
    return float(np.mean((probs - labels) ** 2))


def reliability_curve(
    y_true: ArrayLike, y_prob: ArrayLike, n_bins: int = 10
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Mean predicted probability and observed frequency per non-empty bin."""
    labels, probs = check_probabilities(y_true, y_prob)
    ids = np.clip(np.digitize(probs, uniform_bins(n_bins)[1:-1]), 0, n_bins - 1)
    present = np.unique(ids)
    mean_prob = np.array([probs[ids == b].mean() for b in present])
    frequency = np.array([labels[ids == b].mean() for b in present])
    return mean_prob, frequency
`;

/** src/probcal/binning.py: bin edges. */
export const binning = `"""Bin edges for calibration metrics."""
import numpy as np
from numpy.typing import NDArray


def uniform_bins(n_bins: int) -> NDArray[np.float64]:
    """Return \`n_bins + 1\` equally spaced edges on [0, 1].

    Raises
    ------
    ValueError
        If \`n_bins\` is smaller than 1.
    """
    if n_bins < 1:
        raise ValueError(f"n_bins must be >= 1, got {n_bins}")
    return np.linspace(0.0, 1.0, n_bins + 1)
`;

/** src/probcal/_validation.py: input checks (private module). */
export const validation = `"""Input checks shared by every metric."""
import numpy as np
from numpy.typing import ArrayLike, NDArray


def check_probabilities(
    y_true: ArrayLike, y_prob: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Validate labels and probabilities and return them as float arrays."""
    labels = np.asarray(y_true, dtype=np.float64)
    probs = np.asarray(y_prob, dtype=np.float64)
    if labels.shape != probs.shape:
        raise ValueError("y_true and y_prob must have the same shape")
    if np.isnan(probs).any():
        raise ValueError("y_prob contains NaN")
    if (probs < 0).any() or (probs > 1).any():
        raise ValueError("y_prob must lie in [0, 1]")
    if not np.isin(labels, (0.0, 1.0)).all():
        raise ValueError("y_true must be binary")
    return labels, probs
`;

/** src/probcal/__init__.py: the public API and the NullHandler. */
export const init = `"""probcal: calibration metrics for probabilistic classifiers."""
import logging

from probcal.metrics import brier_score, expected_calibration_error, reliability_curve

__version__ = "0.6.1"
__all__ = ["brier_score", "expected_calibration_error", "reliability_curve"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
`;

/** tests/test_metrics.py: behaviour of the metrics on synthetic data. */
export const testMetrics = `import numpy as np
import pytest

from probcal import brier_score, expected_calibration_error, reliability_curve


def test_perfectly_calibrated_predictions_have_zero_ece():
    rng = np.random.default_rng(0)
    probs = rng.uniform(size=200_000)
    labels = rng.uniform(size=probs.size) < probs
    assert expected_calibration_error(labels, probs) < 0.01


def test_overconfident_predictions_have_large_ece():
    labels = np.array([0, 1] * 500)
    probs = np.where(labels == 1, 0.99, 0.98)
    assert expected_calibration_error(labels, probs) > 0.4


@pytest.mark.parametrize("y_prob", [[0.2, np.nan], [-0.1, 0.5], [0.5, 1.2]])
def test_invalid_probabilities_are_rejected(y_prob):
    with pytest.raises(ValueError):
        brier_score([0, 1], y_prob)


def test_reliability_curve_skips_empty_bins():
    mean_prob, frequency = reliability_curve([0, 1, 1], [0.05, 0.95, 0.96], n_bins=10)
    assert mean_prob.shape == frequency.shape == (2,)
`;
