import numpy as np
import torch


def convert():
    a = torch.tensor([1.0, 2.0, 3.0])
    b = np.array([1.0, 2.0, 3.0])
    c = a.numpy()  # tensor -> ndarray
    d = torch.from_numpy(b)  # ndarray -> tensor
    b[0] = 10.0  # d changes too: shared memory
    return type(c), type(d), d


if __name__ == "__main__":
    for value in convert():
        print(value)
