"""Tests for core.datasets: shapes, labels, geometry, seeding and bounds."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import datasets as ds

NAMES = sorted(ds.DATASETS)


def test_xor_is_the_truth_table():
    d = ds.xor()
    np.testing.assert_array_equal(d.X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(d.y, [0, 1, 1, 0])
    assert d.targets.shape == (4, 1)


def test_noisy_xor_keeps_corner_labels():
    d = ds.xor(n=400, noise=0.1, seed=3)
    corner = np.round(d.X).clip(0, 1)
    expected = np.logical_xor(corner[:, 0], corner[:, 1]).astype(float)
    assert np.mean(expected == d.y) > 0.99


def test_circles_radii_without_noise():
    d = ds.circles(n=100, noise=0.0, seed=1, factor=0.4)
    r = np.hypot(d.X[:, 0], d.X[:, 1])
    np.testing.assert_allclose(r[d.y == 0], 1.0)
    np.testing.assert_allclose(r[d.y == 1], 0.4)


def test_moons_without_noise_lie_on_half_circles():
    d = ds.moons(n=60, noise=0.0, seed=2)
    x, y = d.X[:, 0] + 0.5, d.X[:, 1] + 0.25
    np.testing.assert_allclose(np.hypot(x[d.y == 0], y[d.y == 0]), 1.0)
    np.testing.assert_allclose(np.hypot(x[d.y == 1] - 1, y[d.y == 1] - 0.5), 1.0)
    assert np.all(y[d.y == 0] >= 0) and np.all(y[d.y == 1] <= 0.5)


def test_spiral_arms_are_opposite():
    d = ds.spiral(n=50, noise=0.0, seed=0)
    r = np.hypot(d.X[:, 0], d.X[:, 1])
    assert np.all((r >= 0.05 - 1e-12) & (r <= 1.0 + 1e-12))
    # the radius is the arm parameter s ~ U(0.05, 1), drawn first from the seeded generator
    s = np.random.default_rng(0).uniform(0.05, 1.0, size=50)
    np.testing.assert_allclose(r, s)


def test_blobs_are_separated_by_the_diagonal_when_tight():
    d = ds.blobs(n=200, noise=0.0, seed=0, spread=0.1)
    side = (d.X[:, 0] + d.X[:, 1] > 0).astype(float)
    np.testing.assert_array_equal(side, d.y)


@pytest.mark.parametrize("name", NAMES)
def test_shapes_labels_and_balance(name):
    d = ds.make(name, n=101, noise=0.2, seed=4)
    assert d.X.shape == (101, 2) and d.y.shape == (101,)
    assert d.X.dtype == np.float64 and set(np.unique(d.y)) <= {0.0, 1.0}
    assert abs(np.sum(d.y == 1) - np.sum(d.y == 0)) <= 1 or name == "xor"
    assert np.all(np.isfinite(d.X)) and np.all(np.abs(d.X) < 10)
    assert d.name == name
    assert not d.X.flags.writeable and not d.y.flags.writeable


@settings(max_examples=30, deadline=None)
@given(name=st.sampled_from(NAMES), n=st.integers(ds.MIN_N, 300),
       noise=st.floats(0.0, ds.MAX_NOISE), seed=st.integers(0, 2**31))
def test_same_seed_same_points(name, n, noise, seed):
    a = ds.make(name, n, noise, seed)
    b = ds.make(name, n, noise, seed)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)


@pytest.mark.parametrize("name", NAMES)
def test_different_seed_or_noise_moves_points(name):
    a = ds.make(name, 50, 0.1, 0)
    assert not np.array_equal(a.X, ds.make(name, 50, 0.1, 1).X)
    assert not np.array_equal(a.X, ds.make(name, 50, 0.2, 0).X)


@pytest.mark.parametrize("name", NAMES)
def test_bounds(name):
    for n, noise in [(ds.MIN_N - 1, 0.1), (ds.MAX_N + 1, 0.1), (50, -0.1), (50, 1.5)]:
        with pytest.raises(ValueError):
            ds.make(name, n, noise)
    ds.make(name, ds.MAX_N, ds.MAX_NOISE)  # the limits themselves are fine


def test_unknown_name_and_bad_shape_parameters():
    with pytest.raises(ValueError):
        ds.make("checkerboard", 50, 0.1)
    with pytest.raises(ValueError):
        ds.circles(factor=1.5)
    with pytest.raises(ValueError):
        ds.spiral(turns=0)
    with pytest.raises(ValueError):
        ds.blobs(spread=0)


def test_plot_box_contains_points_with_margin():
    d = ds.circles(n=50, noise=0.0)
    (x0, x1), (y0, y1) = ds.plot_box(d.X, margin=0.5)
    assert x0 == pytest.approx(d.X[:, 0].min() - 0.5) and y1 == pytest.approx(d.X[:, 1].max() + 0.5)


def test_uses_seed_only_noise_free_xor_is_fixed():
    assert not ds.uses_seed("xor", 0.0)
    np.testing.assert_array_equal(ds.make("xor", 8, 0.0, 1).X, ds.make("xor", 8, 0.0, 2).X)
    assert ds.uses_seed("xor", 0.1)
    for name in NAMES:
        if name != "xor":
            assert ds.uses_seed(name, 0.0)
            assert not np.array_equal(ds.make(name, 20, 0.0, 1).X, ds.make(name, 20, 0.0, 2).X)
    with pytest.raises(ValueError):
        ds.uses_seed("checkerboard", 0.0)
