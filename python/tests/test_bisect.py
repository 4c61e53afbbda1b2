"""edge_tflite.bisect on a correct pipeline and on one with a planted wrong rewrite
(tfl-fuse-activation's test-only option fuses RELU as RELU_N1_TO_1)."""

import torch

import edge_tflite


class ConvNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, 8, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(8, 8, 3, padding=1)
        self.fc = torch.nn.Linear(8, 4)

    def forward(self, x):
        x = torch.relu(self.conv1(x))  # the planted rewrite breaks this relu's fusion
        x = torch.relu(self.conv2(x))
        return self.fc(x.mean(dim=(2, 3)))


def sample():
    torch.manual_seed(0)
    return ConvNet().eval(), (4 * torch.randn(1, 3, 16, 16),)


def test_correct_pipeline_is_within_tolerance_at_every_stage():
    net, args = sample()
    report = edge_tflite.bisect(net, args)
    assert report.ok and report.culprit is None, report.table
    ran = [r for r in report.rows if r["runtime"] == "litert"]
    assert len(ran) >= 15 and all(r["within"] for r in ran), report.table
    # jax is not in this venv: the StableHLO stages are skipped, and say why.
    skipped = [r for r in report.rows if r["runtime"] == "skipped"]
    assert skipped and all("jax" in (r.get("note") or "") for r in skipped), report.table


def test_planted_wrong_rewrite_is_named_with_its_ops():
    net, args = sample()
    text = edge_tflite.pipeline()
    planted = text.replace("tfl-fuse-activation", "tfl-fuse-activation{test-wrong-activation=true}", 1)
    assert planted != text
    report = edge_tflite.bisect(net, args, pass_pipeline=planted)
    assert not report.ok
    assert report.culprit == "tfl-fuse-activation{test-wrong-activation=true}" or report.culprit.startswith("tfl-fuse-activation"), report.table
    changed = report.first_past_tolerance["changed_ops"]
    ops = {c["op"] for c in changed}
    assert "tfl.conv_2d" in ops, changed
    # Named by their torch.export nodes, at this file's lines.
    assert any(c.get("node") == "conv2d" for c in changed), changed
    assert any((c.get("source") or "").startswith(__file__) for c in changed), changed
    assert "tfl-fuse-activation" in str(report)
