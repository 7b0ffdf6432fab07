import torch

x = torch.tensor(3.0, requires_grad=True)
(x**3).backward()
print(x.grad)  # 27
(x**3).backward()
print(x.grad)  # 54: backward() adds to .grad
x.grad.zero_()  # clear it by hand
(x**3).backward()
print(x.grad)  # 27 again
