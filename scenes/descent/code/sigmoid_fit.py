import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))

xs = [i / 100 for i in range(100)]
ys = [sigmoid(5 * x + 3) for x in xs]
w, b = 0.5, 0.5  # course: random start
for epoch in range(300):  # course: 100000
    for x, y in zip(xs, ys):
        a = sigmoid(w * x + b)
        dw = 2 * (a - y) * a * (1 - a) * x  # chain rule
        db = 2 * (a - y) * a * (1 - a)
        w, b = w - 0.4 * dw, b - 0.4 * db
print(round(w, 4), round(b, 4))
