"""Tail probabilities: is a crawl's count too far from its baseline to be chance?

A crawl of a few articles that misses a caption twice is noise; twenty articles without
one, where nineteen in twenty had it, is not. The tests below say which is which.
"""

from __future__ import annotations

import math


def _log_binomial(k: int, n: int, p: float) -> float:
    return (math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
            + k * math.log(p) + (n - k) * math.log1p(-p))


def binomial_at_most(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p), 0 < p < 1."""
    return min(1.0, sum(math.exp(_log_binomial(i, n, p)) for i in range(k + 1)))


def binomial_at_least(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), 0 < p < 1."""
    return min(1.0, sum(math.exp(_log_binomial(i, n, p)) for i in range(k, n + 1)))


def poisson_at_most(k: int, mean: float) -> float:
    """P(X <= k) for X ~ Poisson(mean), mean > 0."""
    return min(1.0, sum(math.exp(i * math.log(mean) - mean - math.lgamma(i + 1)) for i in range(k + 1)))
