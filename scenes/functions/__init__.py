"""Topic "functions": elementary functions and their properties."""

TITLE = ("Functions", "初等函数")
ORDER = (
    "power_function", "exp_log", "logarithm", "trig_functions", "inverse_trig", "inverse_functions",
    "activations", "function_properties", "convexity", "numpy_torch",
)
