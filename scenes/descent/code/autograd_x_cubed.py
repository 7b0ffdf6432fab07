import torch

x = torch.tensor([3.0], requires_grad=True)
y = x**3
y.backward()
print(x.grad)  # dy/dx = 3 x^2 = 27 at x = 3
