"""Topic "descent": gradient descent and its optimizers."""

TITLE = ("Gradient descent", "梯度下降法")
ORDER = (
    "mountain_walk", "gd_1d", "learning_rate", "batch_sgd", "momentum", "nag", "adam_race",
    "minima_saddle", "course_code", "tuning", "constrained",
)
