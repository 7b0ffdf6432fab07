"""voice.loudness against the EBU reference signals and ffmpeg's ebur128 filter."""

from __future__ import annotations

import numpy as np
import pytest

from voice.audio import write_wav
from voice.loudness import RATE, integrated_loudness, limit_peaks, resample, true_peak
from voice.track import measure_loudness


def sine(freq: float, seconds: float, amplitude: float, rate: int = RATE) -> np.ndarray:
    return amplitude * np.sin(2 * np.pi * freq * np.arange(int(seconds * rate)) / rate)


def speechlike(seconds: float, seed: int = 0) -> np.ndarray:
    """Noise in syllable-like bursts with pauses: loud and quiet blocks for the gates."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    envelope = np.abs(np.sin(2 * np.pi * 3 * t)) * (np.sin(2 * np.pi * 0.4 * t) > -0.3)
    return 0.2 * rng.standard_normal(len(t)) * envelope


def test_ebu_tech_3341_reference_tone():
    # EBU Tech 3341: a 1 kHz sine of peak amplitude 0.1 (-20 dBFS) measures -23.0 LUFS
    assert integrated_loudness(sine(1000, 20, 0.1)) == pytest.approx(-23.0, abs=0.05)
    assert true_peak(sine(1000, 5, 0.1)) == pytest.approx(-20.0, abs=0.05)


def test_gates_leave_out_silence():
    # EBU Tech 3341 case 3-style: tone, 20 s of silence, tone: the silence does not count
    # (only the few blocks straddling an edge, within the test's ±0.1 LU)
    tone = sine(1000, 10, 0.1)
    assert integrated_loudness(np.concatenate([tone, np.zeros(20 * RATE), tone])) == \
        pytest.approx(-23.0, abs=0.1)
    assert integrated_loudness(np.zeros(RATE)) == float("-inf")


def test_true_peak_sees_between_the_samples():
    # a sine at fs/4 sampled 45 degrees off its crests: every sample is at 0.707 of the peak
    x = np.sin(2 * np.pi * (RATE / 4) * np.arange(RATE) / RATE + np.pi / 4)
    assert 20 * np.log10(np.abs(x).max()) == pytest.approx(-3.01, abs=0.01)
    assert true_peak(x) == pytest.approx(0.0, abs=0.3)


def test_agrees_with_ffmpeg_ebur128(tmp_path):
    x = speechlike(30)
    write_wav(tmp_path / "x.wav", x, RATE)
    ref = measure_loudness(tmp_path / "x.wav")
    from voice.audio import read_wav

    quantised, _ = read_wav(tmp_path / "x.wav")
    assert integrated_loudness(quantised) == pytest.approx(ref.integrated, abs=0.1)
    assert true_peak(quantised) == pytest.approx(ref.true_peak, abs=0.2)


def test_limiter_keeps_true_peaks_under_the_ceiling_and_leaves_quiet_parts_alone():
    x = 4 * speechlike(20, seed=1)
    quiet = np.zeros(RATE)
    x = np.concatenate([x, quiet, 0.01 * sine(440, 1, 1.0)])
    y = limit_peaks(x, -2.0)
    assert true_peak(x) > 5.0
    assert true_peak(y) <= -2.0 + 0.05
    tail = slice(len(x) - RATE // 2, len(x))  # far from any peak: gain exactly 1
    assert np.array_equal(y[tail], x[tail])
    at = np.flatnonzero(np.abs(x) > 1e-3)
    gain = y[at] / x[at]
    assert gain.max() <= 1.0 + 1e-12 and gain.min() < 0.5  # never a boost; real reduction
    # smooth: a 10 ms ramp moves the gain by at most 1/480 per sample at 48 kHz
    assert (np.abs(np.diff(gain)) / np.diff(at)).max() <= 1 / 480 + 1e-9


def test_resample_keeps_a_tone_and_its_length():
    x = sine(1000, 2, 0.5, rate=22050)
    y = resample(x, 22050)
    assert abs(len(y) - 2 * RATE) <= 1
    assert integrated_loudness(y) == pytest.approx(20 * np.log10(0.5) - 3.01, abs=0.1)


def _limiter_by_definition(x: np.ndarray, ceiling_db: float, w: int, h: int) -> np.ndarray:
    """The limiter written out sample by sample: need = min(1, ceiling / true peak), held =
    minimum of need over [n - h, n + w - 1], gain = mean of held over [n - w + 1, n] (both
    clamped at the ends), never above the need."""
    from voice.loudness import oversampled_peaks

    need = np.minimum(1.0, 10 ** (ceiling_db / 20) / np.maximum(oversampled_peaks(x), 1e-12))
    n = len(x)
    held = np.array([need[max(i - h, 0):min(i + w, n)].min() for i in range(n)])
    gain = np.array([held[np.clip(np.arange(i - w + 1, i + 1), 0, n - 1)].mean()
                     for i in range(n)])
    return x * np.minimum(gain, need)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_limiter_works_only_near_peaks_and_gives_the_whole_track_gain(seed):
    # a short track (0.4 s) with a few loud bursts far apart and close together: the gain
    # worked out around each run of loud samples equals the gain worked out everywhere
    rng = np.random.default_rng(seed)
    x = 0.05 * rng.standard_normal(RATE * 4 // 10)
    for at in rng.integers(0, len(x) - 200, size=5):
        x[at:at + 40] *= 30
    w, h = 48, 96  # 1 ms ramp, 2 ms hold
    y = limit_peaks(x, -6.0, ramp=w / RATE, hold=h / RATE)
    assert np.allclose(y, _limiter_by_definition(x, -6.0, w, h), rtol=0, atol=1e-12)
    assert true_peak(y) <= -6.0 + 0.05 < true_peak(x)
