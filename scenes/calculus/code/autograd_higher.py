import torch

x = torch.tensor([3.0], requires_grad=True)
y = x**3
y.backward(retain_graph=True)  # keep the graph
print(x.grad)  # 3 * 3**2 = 27
print(torch.autograd.grad(y, x))  # returned, not added

y = x**3  # a new graph
(d1,) = torch.autograd.grad(y, x, create_graph=True)
(d2,) = torch.autograd.grad(d1, x, create_graph=True)
(d3,) = torch.autograd.grad(d2, x)
print(d1.item(), d2.item(), d3.item())  # 3x^2, 6x, 6
