"""Writes the archives of lit-tests/pt2-to-mlir/rnn-dynamic.test: recurrent layers the
importer must refuse over a run-time size (torch.export with Dim ranges, under
fixtures/make_fixtures.py's `shape_only_rnn`, which keeps torch from specializing the
sequence length). Run from the repository root with the torch venv:

    .venv-bench/bin/python lit-tests/pt2-to-mlir/Inputs/make_dynamic_rnn.py
"""
import os
import sys

import torch
import torch.nn as nn
from torch.export import Dim

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "fixtures"))
from make_fixtures import shape_only_rnn  # noqa: E402

torch.manual_seed(0)
T = Dim("t", min=1, max=32)
B = Dim("b", min=1, max=8)


class Gru(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(4, 3, batch_first=True)

    def forward(self, x):
        return self.gru(x)[0]


class LstmCellState(nn.Module):
    """Returns c_n, which the fused op does not give."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(4, 3)

    def forward(self, x):
        return self.lstm(x)[1][1]


class Lstm(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(4, 3)

    def forward(self, x):
        return self.lstm(x)[0]


def save(name, module, x, dims):
    with shape_only_rnn():
        ep = torch.export.export(module.eval(), (x,), dynamic_shapes=(dims,))
    torch.export.save(ep, os.path.join(HERE, name))


save("dyn-gru.pt2", Gru(), torch.randn(2, 5, 4), {1: T})
save("dyn-lstm-cn.pt2", LstmCellState(), torch.randn(5, 2, 4), {0: T})
save("dyn-lstm-batch.pt2", Lstm(), torch.randn(5, 2, 4), {1: B})
