"""Topic "functions": elementary functions and their properties."""

TITLE = ("Functions", "函数")
ORDER = (
    "power_function", "exp_log", "logarithm", "inverse_functions", "trig_functions", "inverse_trig",
    "activations", "function_properties", "convexity", "numpy_torch",
)
