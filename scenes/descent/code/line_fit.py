import torch

torch.manual_seed(0)
xs = torch.arange(0.01, 1, 0.01)
ys = 3 * xs + 4 + torch.randn(99) / 100


class Line(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.Parameter(torch.randn(1))
        self.b = torch.nn.Parameter(torch.randn(1))

    def forward(self, x):
        return self.w * x + self.b


line = Line()
opt = torch.optim.SGD(line.parameters(), lr=0.01)
for epoch in range(50):
    for x, y in zip(xs, ys):
        loss = (line(x) - y) ** 2
        opt.zero_grad()  # .grad accumulates
        loss.backward()
        opt.step()
print(round(line.w.item(), 2), round(line.b.item(), 2))
