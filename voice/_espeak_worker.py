"""Run as a script: speak one line with espeak-ng in this fresh process and write the result
to stdout (one JSON header line, then 16-bit little-endian samples). Imports nothing but the
standard library and espeakng_loader, so it starts fast."""

from __future__ import annotations

import ctypes
import json
import sys

__all__ = ["main"]

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_POS_CHARACTER = 1
_EVENT_LIST_TERMINATED, _EVENT_WORD = 0, 1
_RATE_PARAM = 1


class _Event(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_char * 8)]


_Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.POINTER(_Event))


def main() -> int:
    """argv: voice name, rate in words per minute; stdin: the text (UTF-8)."""
    import espeakng_loader

    voice, rate = sys.argv[1].encode(), int(sys.argv[2])
    text = sys.stdin.buffer.read()
    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_Info.restype = ctypes.c_char_p
    lib.espeak_Info.argtypes = [ctypes.c_void_p]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetSynthCallback.argtypes = [_Callback]
    lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                 ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
    sample_rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                        espeakng_loader.get_data_path().encode(),
                                        _INITIALIZE_DONT_EXIT)
    if sample_rate <= 0:
        print(f"espeak-ng failed to initialise (status {sample_rate})", file=sys.stderr)
        return 1
    chunks: list[bytes] = []
    words: list[tuple[int, int]] = []

    def receive(wav, n, events):
        if n > 0:
            chunks.append(ctypes.string_at(wav, 2 * n))
        i = 0
        while events[i].type != _EVENT_LIST_TERMINATED:
            if events[i].type == _EVENT_WORD:
                words.append((events[i].text_position - 1, events[i].audio_position))
            i += 1
        return 0

    callback = _Callback(receive)
    lib.espeak_SetSynthCallback(callback)
    if lib.espeak_SetVoiceByName(voice) != 0:
        print(f"espeak-ng has no voice {voice.decode()!r}", file=sys.stderr)
        return 1
    lib.espeak_SetParameter(_RATE_PARAM, rate, 0)
    if text:
        status = lib.espeak_Synth(text, len(text) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8,
                                  None, None)
        lib.espeak_Synchronize()
        if status != 0:
            print(f"espeak-ng could not synthesise the text (status {status})", file=sys.stderr)
            return 1
    header = {"sample_rate": sample_rate, "version": lib.espeak_Info(None).decode(),
              "words": words}
    out = sys.stdout.buffer
    out.write(json.dumps(header).encode() + b"\n")
    out.write(b"".join(chunks))
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
