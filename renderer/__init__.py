"""The batch renderer behind ``render.py``: discover -> plan -> render -> package."""
