"""edge_tflite's API on real models, run against the installed wheel (scripts/
test-python.sh runs them in a venv with torch and no LLVM or Rust)."""

import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch
from conftest import rel_err

import edge_tflite

REPO = Path(__file__).resolve().parents[2]


def test_binaries_come_from_the_wheel():
    # The installed package, not the source tree.
    assert "site-packages" in edge_tflite.__file__, edge_tflite.__file__
    path = Path(edge_tflite.tool("edge-convert"))
    assert path.is_file()
    out = subprocess.run([str(path), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("edge-convert ")


def test_torchvision_model_converts_runs_and_exports(resnet18, image, tmp_path):
    model = edge_tflite.convert(resnet18, (image,))
    with torch.no_grad():
        expected = resnet18(image)
    got = model(image)
    assert isinstance(got, torch.Tensor) and got.shape == expected.shape
    assert rel_err(got, expected) <= 1e-4
    # numpy in, numpy out.
    got_np = model(image.numpy())
    assert isinstance(got_np, np.ndarray)
    assert rel_err(got_np, expected) <= 1e-4
    assert model.signatures == ["serving_default"]
    summary = model.summary
    assert summary["ops"]["CONV_2D"] == 20 and summary["inputs"][0]["shape_signature"] == [1, 3, 224, 224]
    path = model.export(tmp_path / "resnet18.tflite")
    assert Path(path).read_bytes() == model.tflite_bytes()
    reloaded = edge_tflite.EdgeModel.load(path)
    assert rel_err(reloaded(image), expected) <= 1e-4
    # Deterministic: the same module gives the same bytes.
    assert edge_tflite.convert(resnet18, (image,)).tflite_bytes() == model.tflite_bytes()


def test_dynamic_int8(resnet18, image):
    model = edge_tflite.convert(resnet18, (image,), quantize="dynamic-int8")
    with torch.no_grad():
        expected = resnet18(image)
    assert model.summary["quantize"] == "dynamic-int8"
    assert model.summary["weights"].get("INT8", 0) >= 20
    float_bytes = sum(p.numel() for p in resnet18.parameters()) * 4
    assert len(model.tflite_bytes()) < float_bytes / 3
    # The README's figure for resnet18 dynamic-int8 is ~1e-2 of max|out|.
    assert rel_err(model(image), expected) <= 5e-2


def test_two_signatures_share_weights(resnet18, image):
    batch4 = torch.randn(4, 3, 224, 224)
    model = (
        edge_tflite.signature("single", resnet18, (image,))
        .signature("batch", resnet18, (batch4,))
        .convert()
    )
    assert model.signatures == ["single", "batch"]
    with torch.no_grad():
        assert rel_err(model(image, signature="single"), resnet18(image)) <= 1e-4
        assert rel_err(model(batch4, signature="batch"), resnet18(batch4)) <= 1e-4
    # One copy of the weights for both.
    float_bytes = sum(p.numel() for p in resnet18.parameters()) * 4
    assert len(model.tflite_bytes()) < 1.2 * float_bytes
    with pytest.raises(edge_tflite.EdgeError, match="choose one with signature="):
        model(image)
    with pytest.raises(edge_tflite.EdgeError, match=r"is missing inputs \['x'\]"):
        model(signature="single")
    with pytest.raises(edge_tflite.EdgeError, match="has no input 'y'"):
        model(image, signature="single", y=image)
    with pytest.raises(edge_tflite.EdgeError, match="given both by position and by name"):
        model(image, signature="single", x=image)
    with pytest.raises(edge_tflite.EdgeError, match="the model takes float32"):
        model(torch.ones(1, 3, 224, 224, dtype=torch.int32), signature="single")


def test_dynamic_batch():
    net = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3, padding=1), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1)).eval()
    batch = torch.export.Dim("batch", min=1, max=16)
    # A sample batch of 1 would be specialized by torch.export (0/1 specialization).
    sample = torch.randn(2, 3, 64, 64)
    model = edge_tflite.convert(net, (sample,), dynamic_shapes=({0: batch},))
    assert model.summary["inputs"][0]["shape_signature"][0] == -1
    for n in (1, 3):
        x = torch.randn(n, 3, 64, 64)
        with torch.no_grad():
            assert rel_err(model(x), net(x)) <= 1e-4


def test_convert_file_needs_no_torch_module(tmp_path):
    archive = REPO / "fixtures/models/mobile_block.pt2"
    out = tmp_path / "mobile_block.tflite"
    model = edge_tflite.convert_file(archive, out)
    assert out.is_file() and model.path == str(out)
    inputs = np.load(REPO / "fixtures/models/mobile_block.inputs.npz")
    expected = np.load(REPO / "fixtures/models/mobile_block.expected.npz")
    got = model(*[inputs[k] for k in inputs.files])
    assert rel_err(got, expected[expected.files[0]]) <= 1e-4


class Unsupported(torch.nn.Module):
    def forward(self, x):
        y = torch.bucketize(x, torch.tensor([0.0, 1.0]))  # no TFLite form in edge
        return torch.fft.rfft(x).abs() + y.float().sum()


def test_errors_name_every_node_and_its_source_line():
    with pytest.raises(edge_tflite.ConversionError) as caught:
        edge_tflite.convert(Unsupported().eval(), (torch.randn(8),))
    error = caught.value
    assert "2 unsupported operator(s)" in error.message
    targets = {d.target for d in error.diagnostics}
    assert targets == {"aten.bucketize.Tensor", "aten.fft_rfft.default"}, error.diagnostics
    bucketize = next(d for d in error.diagnostics if d.target == "aten.bucketize.Tensor")
    assert bucketize.node == "bucketize"
    # The source line is this file's `torch.bucketize` line.
    assert bucketize.source and bucketize.source.startswith(__file__ + ":")
    line = int(bucketize.source.rsplit(":", 1)[1])
    assert "torch.bucketize" in Path(__file__).read_text().splitlines()[line - 1]
    assert error.node is not None and error.source is not None
    assert "aten.bucketize.Tensor" in str(error)


def test_bad_options_are_refused_before_converting(image):
    with pytest.raises(edge_tflite.EdgeError, match="quantize='int3'"):
        edge_tflite.convert(torch.nn.ReLU().eval(), (image,), quantize="int3")
    with pytest.raises(edge_tflite.EdgeError, match="no such file"):
        edge_tflite.convert_file("/nonexistent/model.pt2")


def test_quiet_in_scripts_and_progress_when_asked(image, capfd):
    net = torch.nn.Conv2d(3, 4, 3).eval()
    edge_tflite.convert(net, (image,))
    assert "pass " not in capfd.readouterr().err
    edge_tflite.convert(net, (image,), verbose=True)
    err = capfd.readouterr().err
    assert "legalize-stablehlo-to-tfl" in err and "writing the flatbuffer" in err


def test_decoder_prefill_and_decode_chain_like_pytorch():
    """A Llama-style decoder with its caches passed in and returned: prefill and decode
    signatures in one file, called with the PyTorch call's keyword arguments, outputs
    by name, chained for 3 decode steps against PyTorch."""
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    import llama_model as L

    c = L.Config(layers=2, dim=64, heads=4, kv_heads=2, ffn=128, vocab=101, max_len=24)
    m = L.build(c)
    tokens = torch.randint(0, c.vocab, (1, 6))
    pre = L.prefill_args(c, tokens)
    dec = L.decode_args(c, tokens[:, :1], 6)
    llm = edge_tflite.signature("prefill", m, (), pre).signature("decode", m, (), dec).convert()
    assert llm.signatures == ["prefill", "decode"]

    with torch.no_grad():
        want = m(**pre)
    got = llm(signature="prefill", **pre)
    assert set(got) == set(want)
    assert rel_err(got["logits"], want["logits"]) <= 1e-4
    for pos in range(6, 9):
        token = want["logits"][:, -1:].argmax(-1)
        step = L.decode_args(c, token, pos, want)
        with torch.no_grad():
            want = m(**step)
        got = llm(signature="decode", **L.decode_args(c, token, pos, got))
        assert rel_err(got["logits"], want["logits"]) <= 1e-4
        assert got["logits"].argmax(-1).item() == want["logits"].argmax(-1).item()


def test_malformed_archive_is_an_error_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.pt2"
    bad.write_bytes(b"PK\x03\x04 this is not an archive")
    out = tmp_path / "bad.tflite"
    with pytest.raises(edge_tflite.ConversionError) as caught:
        edge_tflite.convert_file(bad, out)
    assert str(bad) in caught.value.message
    assert not out.exists()
