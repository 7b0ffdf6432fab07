"""Lecture scenes, one topic per subpackage; shared look and helpers in :mod:`scenes.common`."""
