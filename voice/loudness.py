"""Loudness in process: ITU-R BS.1770-4 integrated loudness and true peak of mono 48 kHz
audio, and a look-ahead true-peak limiter, all in numpy and scipy.

The narration track used to find its gain by running ffmpeg's ``ebur128`` filter again and
again (a process and a decode per try, 2–3 s per scene); here one try costs a few
milliseconds. ffmpeg's ``ebur128`` stays the independent reference the tests compare with.
"""

from __future__ import annotations

import numpy as np
from scipy.ndimage import minimum_filter1d
from scipy.signal import firwin, lfilter, resample_poly

__all__ = ["RATE", "integrated_loudness", "limit_peaks", "oversampled_peaks", "resample", "true_peak"]

RATE = 48000
"""The one rate these functions work at (BS.1770's filter coefficients are given for it)."""

# BS.1770-4 K-weighting at 48 kHz: a high-shelf (head effects), then the RLB high-pass.
_SHELF_B = np.array([1.53512485958697, -2.69169618940638, 1.19839281085285])
_SHELF_A = np.array([1.0, -1.69065929318241, 0.73248077421585])
_RLB_B = np.array([1.0, -2.0, 1.0])
_RLB_A = np.array([1.0, -1.99004745483398, 0.99007225036621])
# the two as one fourth-order filter: one pass over the track, half the time of two
_K_B, _K_A = np.convolve(_SHELF_B, _RLB_B), np.convolve(_SHELF_A, _RLB_A)
_BLOCK = RATE * 400 // 1000  # gating blocks of 400 ms ...
_STEP = RATE * 100 // 1000  # ... every 100 ms (75 % overlap)
_OVERSAMPLE = 4  # true peak: 4x oversampling at 48 kHz, as BS.1770 Annex 2


def resample(audio: np.ndarray, rate: int) -> np.ndarray:
    """Mono float audio at ``rate`` resampled to 48 kHz (polyphase, Kaiser-windowed)."""
    if rate == RATE:
        return np.asarray(audio, dtype=np.float64)
    g = np.gcd(RATE, int(rate))
    return resample_poly(np.asarray(audio, dtype=np.float64), RATE // g, int(rate) // g)


def integrated_loudness(audio: np.ndarray) -> float:
    """Integrated loudness (LUFS) of mono 48 kHz audio, gated as BS.1770-4 says: 400 ms
    blocks, an absolute gate at −70 LUFS, then a relative gate 10 LU under the mean.
    ``-inf`` for silence or audio shorter than one block."""
    x = lfilter(_K_B, _K_A, np.asarray(audio, np.float64))
    if len(x) < _BLOCK:
        return float("-inf")
    # each block is four 100 ms steps: the energy of every step, then of four in a row
    steps = np.square(x[:len(x) // _STEP * _STEP]).reshape(-1, _STEP).sum(axis=1)
    z = np.convolve(steps, np.ones(_BLOCK // _STEP), mode="valid") / _BLOCK
    with np.errstate(divide="ignore"):
        level = -0.691 + 10 * np.log10(z)
    z = z[level > -70.0]
    if z.size == 0:
        return float("-inf")
    relative = -0.691 + 10 * np.log10(z.mean()) - 10.0
    with np.errstate(divide="ignore"):
        z = z[-0.691 + 10 * np.log10(z) > relative]
    return float(-0.691 + 10 * np.log10(z.mean()))


def _phases() -> list[np.ndarray]:
    """The four phases of a 48-tap interpolation filter for 4x oversampling (12 taps per
    phase, the length BS.1770 Annex 2 uses): a Kaiser-windowed sinc cut at the old Nyquist."""
    taps = firwin(48, 1 / _OVERSAMPLE, window=("kaiser", 5.0)) * _OVERSAMPLE
    return [taps[k::_OVERSAMPLE] for k in range(_OVERSAMPLE)]


_PHASES = _phases()


def oversampled_peaks(audio: np.ndarray) -> np.ndarray:
    """Per input sample, the largest magnitude of the 4x-oversampled signal around it (each
    phase filtered on its own: no 4x-long array)."""
    x = np.asarray(audio, np.float64)
    n = len(x)
    delay = (len(_PHASES[0]) - 1) // 2  # each phase's centre, in input samples
    peaks = np.abs(x)
    for phase in _PHASES:
        np.maximum(peaks, np.abs(np.convolve(x, phase)[delay:delay + n]), out=peaks)
    return peaks


def true_peak(audio: np.ndarray) -> float:
    """True peak (dBTP) of mono 48 kHz audio: the peak of the 4x-oversampled signal."""
    if len(audio) == 0:
        return float("-inf")
    peak = float(oversampled_peaks(audio).max())
    return float(20 * np.log10(peak)) if peak > 0 else float("-inf")


def limit_peaks(audio: np.ndarray, ceiling_db: float, ramp: float = 0.01,
                hold: float = 0.05, scale: float = 1.0,
                peaks: np.ndarray | None = None) -> np.ndarray:
    """``audio`` (mono, 48 kHz) with its true peaks brought under ``ceiling_db`` dBTP by a
    smooth gain: around each peak the gain falls over ``ramp`` seconds before it (look-ahead;
    the whole track is at hand), stays down ``hold`` seconds after it, then rises over
    ``ramp`` seconds. Samples far from any peak keep gain 1. The audio is first multiplied
    by ``scale``; ``peaks`` (:func:`oversampled_peaks` of the unscaled audio) saves
    recomputing them when the same audio is tried at several scales.

    The gain is the running minimum of the gain each sample needs, over a window from
    ``hold`` before to ``ramp`` after it, then averaged over ``ramp``: every value averaged
    at a sample is a minimum over a window that contains that sample, so the smoothed gain
    never exceeds the gain the sample needs.
    """
    audio = np.asarray(audio, np.float64) * scale
    if len(audio) == 0:
        return audio
    ceiling = 10 ** (ceiling_db / 20)
    peaks = (oversampled_peaks(audio) if peaks is None else peaks * abs(scale))
    over = np.flatnonzero(peaks > ceiling)
    if over.size == 0:
        return audio
    w = max(int(round(ramp * RATE)), 1)
    h = max(int(round(hold * RATE)), 0)
    # A sample over the ceiling at i lowers the gain only on [i - w, i + h + w); that gain
    # reads the need on [i - 2w - h, i + h + 2w). So the gain is worked out on those stretches
    # around each run of loud samples (a few percent of a speech track), not on every sample.
    reach = 2 * w + h
    split = np.flatnonzero(np.diff(over) > 2 * reach)
    for a, b in zip(over[np.concatenate([[0], split + 1])], over[np.concatenate([split, [-1]])] + 1,
                    strict=True):
        lo, hi = max(a - reach, 0), min(b + reach, len(audio))
        gain = _smooth_gain(np.minimum(1.0, ceiling / np.maximum(peaks[lo:hi], 1e-12)), w, h)
        audio[lo:hi] *= gain
    return audio


def _smooth_gain(need: np.ndarray, w: int, h: int) -> np.ndarray:
    """The limiter's gain for per-sample needs ``need``: the running minimum over
    [n - h, n + w - 1], averaged over [n - w + 1, n], and never above the need itself."""
    size = h + w  # window [n - h, n + w - 1]
    held = minimum_filter1d(need, size=size, origin=h - size // 2, mode="nearest")
    # average over [n - w + 1, n]
    padded = np.concatenate([np.full(w - 1, held[0]), held])
    total = np.concatenate([[0.0], np.cumsum(padded)])
    return np.minimum((total[w:] - total[:-w]) / w, need)
