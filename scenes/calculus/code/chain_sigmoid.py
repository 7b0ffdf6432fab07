import torch

x = torch.tensor(-0.4, requires_grad=True)
y = torch.sigmoid(5 * x + 3)
y.backward()  # chain rule, node by node
print(round(x.grad.item(), 4))
