#!/usr/bin/env python3
"""Issue 14's operator families on public models that are not fixtures: video nets (Conv3d,
3-D pooling), optical flow and spatial transformers (grid_sample, linspace), windowed and
multi-query attention (Swin, GCViT, CoAtNet, MaxViT, MobileNetV4-hybrid), EfficientNet-lite,
and recurrent models (nn.LSTM / nn.GRU / nn.RNN). Each has random weights (seed 0), a small
fixed input, is exported with `torch.export.export` and saved un-decomposed (as users save
it), converted by edge-convert, run once in LiteRT (1 thread) and compared with PyTorch.

    .venv-bench/bin/python benchmarks/zoo14.py [--models a,b] [--edge-bin PATH] [--keep DIR] [--heavy]

One line per model: PASS/FAIL with max|err| / max|out| against the tolerance (1e-4, the
issue's bar, unless the model's row says otherwise and why), edge's op count, or the first
lines of the export, conversion or LiteRT error; the run goes on after a failure. Then a
summary: how many convert and match, and the failures by the area that owns them (rnn,
ops, ...) read from the error. `--heavy` adds mvit_v1_b (16 x 224 x 224 clip, 70 GFLOPs).
Not a test (needs torch, torchvision, timm and transformers: benchmarks/setup-litert-torch.sh's
venv); exit 1 when any model fails.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from bench_convert import count_ops
from zoo_common import TOL, calibrate_batch_norm, compare, run_litert, tensors, tv

warnings.filterwarnings("ignore")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ERROR_LINES = 4  # lines of an error kept in the report


def g():
    return torch.Generator().manual_seed(0)


def randn(*shape):
    return torch.randn(*shape, generator=g())


def timm_model(name, **kw):
    import timm
    return timm.create_model(name, pretrained=False, **kw)


# --- public designs written out (the papers' layer layouts, small widths) ---------------


class CRNN(nn.Module):
    """CRNN text recognizer (Shi et al. 2015): a VGG-style CNN over a 32 x 128 grey line
    image, its columns as a sequence into a 2-layer bidirectional LSTM (sequence-first, as
    the paper's code), a linear CTC head over 37 symbols."""
    def __init__(s):
        super().__init__()
        def block(i, o, pool):
            return [nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(pool)]
        s.cnn = nn.Sequential(*block(1, 16, 2), *block(16, 32, 2), *block(32, 64, (2, 1)), *block(64, 64, (4, 1)))
        s.rnn = nn.LSTM(64, 48, num_layers=2, bidirectional=True)
        s.head = nn.Linear(96, 37)

    def forward(s, x):
        f = s.cnn(x).squeeze(2).permute(2, 0, 1)  # [width, batch, channels]
        return s.head(s.rnn(f)[0])


class GRUEncoder(nn.Module):
    """Seq2seq GRU encoder (Cho et al. 2014): embedding, a 2-layer batch-first GRU; the
    outputs and the final hidden state."""
    def __init__(s):
        super().__init__()
        s.emb = nn.Embedding(500, 32)
        s.gru = nn.GRU(32, 48, num_layers=2, batch_first=True)

    def forward(s, ids):
        return s.gru(s.emb(ids))


class DeepSpeech2(nn.Module):
    """DeepSpeech2-style acoustic model: two strided Conv2d over a spectrogram, then
    bidirectional GRUs (sequence-first) and a linear character head."""
    def __init__(s):
        super().__init__()
        s.conv = nn.Sequential(nn.Conv2d(1, 8, (11, 11), stride=(2, 2), padding=5), nn.BatchNorm2d(8), nn.Hardtanh(0, 20),
                               nn.Conv2d(8, 8, (11, 11), stride=(2, 1), padding=5), nn.BatchNorm2d(8), nn.Hardtanh(0, 20))
        s.rnn = nn.GRU(8 * 10, 32, num_layers=2, bidirectional=True)
        s.head = nn.Linear(64, 29)

    def forward(s, spec):  # [batch, 1, 40 freq, time]
        f = s.conv(spec)
        b, c, h, t = f.shape
        return s.head(s.rnn(f.reshape(b, c * h, t).permute(2, 0, 1))[0])


class CharRNN(nn.Module):
    """Char-RNN language model (Karpathy's min-char-rnn in PyTorch): a 2-layer tanh nn.RNN
    with its initial state as an input, and a relu nn.RNN beside it."""
    def __init__(s):
        super().__init__()
        s.emb = nn.Embedding(64, 24)
        s.rnn = nn.RNN(24, 40, num_layers=2, batch_first=True)
        s.rnn_relu = nn.RNN(24, 16, nonlinearity="relu", batch_first=True)
        s.head = nn.Linear(56, 64)

    def forward(s, ids, h0):
        e = s.emb(ids)
        y, h = s.rnn(e, h0)
        return s.head(torch.cat([y, s.rnn_relu(e)[0]], -1)), h


class LSTMP(nn.Module):
    """LSTM with projection (LSTMP, Sak et al. 2014, as in speech models): proj_size,
    initial h0/c0 as inputs, outputs and both final states."""
    def __init__(s):
        super().__init__()
        s.lstm = nn.LSTM(40, 64, num_layers=2, proj_size=24, batch_first=True)

    def forward(s, x, h0, c0):
        y, (h, c) = s.lstm(x, (h0, c0))
        return y, h, c


class STN(nn.Module):
    """Spatial transformer network (Jaderberg et al. 2015, PyTorch's tutorial layout): a
    localization net predicts an affine theta; affine_grid + grid_sample resample the input
    before a small classifier."""
    def __init__(s):
        super().__init__()
        s.loc = nn.Sequential(nn.Conv2d(1, 8, 7), nn.MaxPool2d(2), nn.ReLU(), nn.Conv2d(8, 10, 5), nn.MaxPool2d(2), nn.ReLU())
        s.fc_loc = nn.Sequential(nn.Linear(10 * 3 * 3, 32), nn.ReLU(), nn.Linear(32, 6))
        with torch.no_grad():
            s.fc_loc[2].weight.mul_(0.1)
            s.fc_loc[2].bias.copy_(torch.tensor([1, 0, 0, 0, 1, 0], dtype=torch.float))
        s.cls = nn.Sequential(nn.Conv2d(1, 10, 5), nn.MaxPool2d(2), nn.ReLU(), nn.Flatten(), nn.Linear(10 * 12 * 12, 10))

    def forward(s, x):  # [1, 1, 28, 28]
        theta = s.fc_loc(s.loc(x).flatten(1)).view(-1, 2, 3)
        grid = F.affine_grid(theta, list(x.size()), align_corners=False)
        return s.cls(F.grid_sample(x, grid, align_corners=False))


class DeformSampling(nn.Module):
    """The sampling core of Deformable DETR's multi-scale deformable attention: per query,
    offsets and attention weights predicted from the query, value maps of two levels
    sampled with grid_sample (bilinear, zeros, align_corners=False) and summed."""
    def __init__(s, d=32, heads=2, points=4):
        super().__init__()
        s.h, s.p, s.hd = heads, points, d // heads
        s.off = nn.Linear(d, heads * 2 * points * 2)
        s.att = nn.Linear(d, heads * 2 * points)
        s.val = nn.Linear(d, d)
        s.out = nn.Linear(d, d)

    def forward(s, q, ref, v1, v2):  # q [1, Q, d], ref [1, Q, 2] in [0, 1], v1 [1, 16*16, d], v2 [1, 8*8, d]
        b, nq, d = q.shape
        off = s.off(q).view(b, nq, s.h, 2, s.p, 2)
        att = s.att(q).view(b, nq, s.h, 2 * s.p).softmax(-1).view(b, nq, s.h, 2, s.p)
        out = 0
        for lvl, (v, hw) in enumerate(((v1, 16), (v2, 8))):
            vm = s.val(v).view(b, hw, hw, s.h, s.hd).permute(0, 3, 4, 1, 2).reshape(b * s.h, s.hd, hw, hw)
            loc = ref[:, :, None, None, :] + off[:, :, :, lvl] / hw  # [b, Q, h, p, 2]
            grid = (2 * loc - 1).permute(0, 2, 1, 3, 4).reshape(b * s.h, nq, s.p, 2)
            smp = F.grid_sample(vm, grid, mode="bilinear", padding_mode="zeros", align_corners=False)  # [b*h, hd, Q, p]
            out = out + (smp * att[:, :, :, lvl].permute(0, 2, 1, 3).reshape(b * s.h, 1, nq, s.p)).sum(-1)
        return s.out(out.view(b, s.h * s.hd, nq).transpose(1, 2))


class SegNetUnpool(nn.Module):
    """SegNet's encoder/decoder pair (Badrinarayanan et al. 2015): max_pool2d keeps its
    indices and max_unpool2d puts the decoder's features back at them."""
    def __init__(s):
        super().__init__()
        s.e1, s.e2 = nn.Conv2d(3, 8, 3, padding=1), nn.Conv2d(8, 16, 3, padding=1)
        s.d2, s.d1 = nn.Conv2d(16, 8, 3, padding=1), nn.Conv2d(8, 4, 3, padding=1)

    def forward(s, x):
        a, i1 = F.max_pool2d(F.relu(s.e1(x)), 2, return_indices=True)
        b, i2 = F.max_pool2d(F.relu(s.e2(a)), 2, return_indices=True)
        u = F.max_unpool2d(b, i2, 2, output_size=a.shape[-2:])
        return s.d1(F.max_unpool2d(F.relu(s.d2(u)), i1, 2, output_size=x.shape[-2:]))


class Raft(nn.Module):
    """torchvision raft_small with 4 flow updates instead of 12: the last flow prediction."""
    def __init__(s):
        super().__init__()
        s.m = tv("raft_small")

    def forward(s, a, b):
        return s.m(a, b, num_flow_updates=4)[-1]


class EncodecLSTM(nn.Module):
    """HF EnCodec's LSTM block (transformers' EncodecLSTM: a 2-layer sequence-first nn.LSTM
    with a residual, over conv-layout [batch, channels, time]) between two of its Conv1d.
    (EnCodec's whole encoder keeps its strides as tensor buffers and computes its padding
    from them with .item(): torch.export refuses it, so the block is taken alone.)"""
    def __init__(s):
        super().__init__()
        import transformers as t
        from transformers.models.encodec.modeling_encodec import EncodecLSTM as Block
        s.pre, s.post = nn.Conv1d(1, 32, 8, stride=4), nn.Conv1d(32, 16, 7, padding=3)
        s.lstm = Block(t.EncodecConfig(num_lstm_layers=2), 32)

    def forward(s, x):
        return s.post(s.lstm(s.pre(x)))


class HFLogits(nn.Module):
    """An HF causal LM's logits over token ids, without a cache."""
    def __init__(s, m):
        super().__init__()
        s.m = m

    def forward(s, ids):
        return s.m(input_ids=ids, use_cache=False).logits


def gpt_bigcode_mqa():
    """HF GPTBigCode (SantaCoder/StarCoder's architecture) with multi_query: one key/value
    head for 4 query heads (transformers expands it before SDPA)."""
    import transformers as t
    return HFLogits(t.GPTBigCodeForCausalLM(t.GPTBigCodeConfig(vocab_size=100, n_embd=64, n_layer=2, n_head=4, n_positions=64,
                                                               multi_query=True)))


def specs(heavy=False):
    """name -> (family, factory, inputs, tolerance). Inputs are small and fixed."""
    img = lambda n, c=3: (randn(1, c, n, n),)
    clip = lambda t, n: (randn(1, 3, t, n, n),)
    ids = lambda vocab, n: torch.randint(0, vocab, (1, n), generator=g())
    s = {
        # video: Conv3d, 3-D max/avg/adaptive pooling
        "r3d_18": ("video", lambda: tv("r3d_18", num_classes=10), clip(8, 56), TOL),
        "mc3_18": ("video", lambda: tv("mc3_18", num_classes=10), clip(8, 56), TOL),
        "r2plus1d_18": ("video", lambda: tv("r2plus1d_18", num_classes=10), clip(8, 56), TOL),
        "s3d": ("video", lambda: tv("s3d", num_classes=10), clip(16, 224), TOL),  # its AvgPool3d(2, 7, 7) needs 16 x 224 x 224
        # optical flow, spatial transformers, deformable attention: grid_sample, linspace
        "raft_small": ("grid_sample", Raft, (randn(1, 3, 128, 128), randn(1, 3, 128, 128)), TOL),
        "stn": ("grid_sample", STN, img(28, 1), TOL),
        "deform_attn_sampling": ("grid_sample", DeformSampling,
                                 (randn(1, 10, 32), torch.rand(1, 10, 2, generator=g()), randn(1, 256, 32), randn(1, 64, 32)), TOL),
        # windowed / relative-position attention
        "tv_swin_t": ("windowed attention", lambda: tv("swin_t", num_classes=10), img(224), TOL),
        "tv_swin_v2_t": ("windowed attention", lambda: tv("swin_v2_t", num_classes=10), img(256), TOL),
        "timm_swin_tiny": ("windowed attention", lambda: timm_model("swin_tiny_patch4_window7_224", num_classes=10), img(224), TOL),
        "timm_gcvit_xxtiny": ("windowed attention", lambda: timm_model("gcvit_xxtiny", num_classes=10), img(224), TOL),
        "timm_coatnet_nano": ("windowed attention", lambda: timm_model("coatnet_nano_rw_224", num_classes=10), img(224), TOL),
        "timm_maxvit_pico": ("windowed attention", lambda: timm_model("maxvit_pico_rw_256", num_classes=10), img(256), TOL),
        # TF-"same" padding, EfficientNet-lite, TinyNet
        "timm_efficientnet_lite0": ("efficientnet-lite", lambda: timm_model("efficientnet_lite0", num_classes=10), img(224), TOL),
        "timm_tf_efficientnet_lite1": ("efficientnet-lite", lambda: timm_model("tf_efficientnet_lite1", num_classes=10), img(240), TOL),
        "timm_tinynet_e": ("efficientnet-lite", lambda: timm_model("tinynet_e", num_classes=10), img(106), TOL),
        # multi-query attention (one key/value head broadcast to the query heads)
        "timm_mobilenetv4_hybrid_medium": ("MQA", lambda: timm_model("mobilenetv4_hybrid_medium", num_classes=10), img(256), TOL),
        "hf_gpt_bigcode_mqa": ("MQA", gpt_bigcode_mqa, (ids(100, 16),), TOL),
        # recurrent
        "crnn": ("rnn", CRNN, (randn(1, 1, 32, 128),), TOL),
        "gru_encoder": ("rnn", GRUEncoder, (ids(500, 20),), TOL),
        "deepspeech2": ("rnn", DeepSpeech2, (randn(1, 1, 40, 50),), TOL),
        "char_rnn": ("rnn", CharRNN, (ids(64, 16), randn(2, 1, 40)), TOL),
        "lstmp": ("rnn", LSTMP, (randn(1, 12, 40), randn(2, 1, 24), randn(2, 1, 64)), TOL),
        "hf_encodec_lstm": ("rnn", EncodecLSTM, (randn(1, 1, 400),), TOL),
        # max_pool2d indices used
        "segnet_unpool": ("pool indices", SegNetUnpool, img(32), TOL),
    }
    if heavy:
        s["mvit_v1_b"] = ("video", lambda: tv("mvit_v1_b", num_classes=10), clip(16, 224), TOL)
    return s


# Which helper of issue 14 owns an error, from the names in it.
OWNERS = [
    (r"lstm|gru|rnn_tanh|rnn_relu|sequence_lstm|sequence_rnn", "rnn"),
    (r"grid_sampler|linspace|cumprod|pool3d|reduce_window|with_indices|max_unpool|enable_gqa|key heads|affine_grid|numpy_T|detach_"
     r"|stablehlo\.convolution", "ops"),  # (the video nets' Conv3d: no CONV_3D yet)
]


def owner(error: str) -> str:
    for pat, who in OWNERS:
        if re.search(pat, error, re.IGNORECASE):
            return who
    return "?"


def head(text: str) -> str:
    """The first lines of an error; MLIR diagnostics that differ only in their location
    are one line with a count and the first location."""
    lines, seen = [], {}
    for l in text.strip().splitlines():
        m = re.match(r"(?:loc\(.*?\)|\S+:\d+:\d+): (error: .*)", l)
        if m:
            if m.group(1) in seen:
                seen[m.group(1)][1] += 1
                continue
            seen[m.group(1)] = [len(lines), 1, l.split(": error:")[0]]
            lines.append(m.group(1))
        elif l.strip():
            lines.append(l)
    for msg, (i, n, where) in seen.items():
        lines[i] = f"{msg} (x{n}, first at {os.path.basename(where)})"
    more = len(lines) - ERROR_LINES
    return "\n".join(lines[:ERROR_LINES]) + (f"\n... ({more} more lines)" if more > 0 else "")


def run_one(name, family, make, inputs, tol, edge_bin, work):
    """{status, err, ops, error} for one model."""
    torch.manual_seed(0)
    m = make().eval()
    # BatchNorm statistics from a batch of 4 images or clips: with a batch of 1, a norm
    # after global pooling (MobileNetV4's head) sees one value and zeroes the output.
    images = all(t.is_floating_point() and t.dim() >= 4 and t.shape[0] == 1 for t in inputs)
    calibrate_batch_norm(m, tuple(torch.randn(4, *t.shape[1:], generator=g()) for t in inputs) if images else inputs)
    pt2 = os.path.join(work, name + ".pt2")
    tfl = os.path.join(work, name + ".tflite")
    try:
        with torch.no_grad():
            want = [t.detach() for t in tensors(m(*inputs))]
            ep = torch.export.export(m, inputs)
        torch.export.save(ep, pt2)
    except Exception as e:  # noqa: BLE001 (report and go on)
        return {"status": "EXPORT-FAIL", "error": head(f"{type(e).__name__}: {e}")}
    if os.path.exists(tfl):
        os.remove(tfl)
    t0 = time.perf_counter()
    try:
        p = subprocess.run([edge_bin, "-q", pt2, "-o", tfl], capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        return {"status": "CONVERT-FAIL", "error": "edge-convert timed out after 900 s"}
    convert_s = time.perf_counter() - t0
    if p.returncode:
        return {"status": "CONVERT-FAIL", "error": head(p.stderr or f"exit status {p.returncode}"), "convert_s": convert_s}
    ops = count_ops(tfl)
    r = {"convert_s": convert_s, "ops": ops["ops"], "transposes": ops["transposes"]}
    try:
        got = run_litert(tfl, [t.numpy() for t in inputs])
    except Exception as e:  # noqa: BLE001
        return {**r, "status": "RUN-FAIL", "error": head(f"{type(e).__name__}: {e}")}
    worst, degenerate = compare(got, want)
    r["err"] = worst
    r["status"] = "PASS" if worst <= tol and not degenerate else "FAIL"
    if degenerate:
        r["error"] = "an output is ~0 (max|out| < 1e-6) and compares nothing"
    elif worst > tol:
        r["error"] = f"max|err| / max|out| {worst:.2e} > {tol:g}"
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default="", help="comma-separated names (default: all)")
    ap.add_argument("--edge-bin", default=os.path.join(ROOT, "target/debug/edge-convert"))
    ap.add_argument("--keep", default="", help="keep the .pt2 and .tflite files in this directory")
    ap.add_argument("--heavy", action="store_true", help="add mvit_v1_b (16 x 224 x 224 clip)")
    a = ap.parse_args()
    work = a.keep or tempfile.mkdtemp(prefix="edge-zoo14-")
    os.makedirs(work, exist_ok=True)
    all_specs = specs(a.heavy)
    want = [n for n in a.models.split(",") if n]
    unknown = [n for n in want if n not in all_specs]
    if unknown:
        ap.error(f"unknown models {unknown}; known: {', '.join(all_specs)}")
    rows = []
    print(f"{'model':32s}{'family':20s}{'status':14s}{'err/max':>9s}{'ops':>6s}{'T':>5s}{'edge s':>8s}", flush=True)
    for name, (family, make, inputs, tol) in all_specs.items():
        if want and name not in want:
            continue
        try:
            r = run_one(name, family, make, inputs, tol, a.edge_bin, work)
        except Exception as e:  # noqa: BLE001 (building or running the eager model: report and go on)
            r = {"status": "EXPORT-FAIL", "error": head(f"{type(e).__name__}: {e}")}
        rows.append((name, family, r))
        err = f"{r['err']:.1e}" if "err" in r else "-"
        secs = f"{r['convert_s']:.1f}" if "convert_s" in r else "-"
        print(f"{name:32s}{family:20s}{r['status']:14s}{err:>9s}{r.get('ops', '-'):>6}{r.get('transposes', '-'):>5}{secs:>8s}",
              flush=True)
        if r["status"] != "PASS":
            print("\n".join("    | " + l for l in r["error"].splitlines()), flush=True)
    failed = [(n, f, r) for n, f, r in rows if r["status"] != "PASS"]
    print(f"\n{len(rows) - len(failed)} of {len(rows)} convert and match PyTorch (tolerance {TOL:g} of max|out|); files in {work}")
    by_owner = {}
    for n, _, r in failed:
        by_owner.setdefault(owner(r["error"]), []).append(f"{n} ({r['status']})")
    for who, names in sorted(by_owner.items()):
        print(f"  {who}: {', '.join(names)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
