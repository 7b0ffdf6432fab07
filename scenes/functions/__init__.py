"""Topic "functions": elementary functions and their properties."""

TITLE = ("Functions", "初等函数")
ORDER = ("power_function",)
