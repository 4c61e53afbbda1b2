"""A Llama-style decoder (RMSNorm, rotary embeddings, grouped-query attention through
SDPA's enable_gqa, SwiGLU, tied or untied head) with its key/value caches passed in and
returned: the model of benchmarks/llama_decoder.py and of the `decoder` fixtures
(fixtures/make_fixtures.py). Needs torch only.

`forward(tokens, input_pos, k_caches, v_caches)`: tokens [1, T] int64, input_pos [T]
int64 (the positions the T tokens take), k_caches / v_caches lists (one per layer) of
[1, kv_heads, max_len, head_dim] float32. It writes the new keys and values into the
caches at input_pos (`index_copy`, or `index_copy_` into registered buffers with
`cache="buffers"`) and returns a dict: `logits` [1, T, vocab] and the new caches under
the same names as the inputs (`k_caches_0`, ... as torch.export names a list's
elements), so a runner feeds each output back to the input of the same name. The causal
mask (cache position <= input position) is built once per call from input_pos.
"""
from __future__ import annotations

import dataclasses

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclasses.dataclass
class Config:
    layers: int
    dim: int
    heads: int
    kv_heads: int
    ffn: int
    vocab: int
    max_len: int  # cache length
    tied: bool = False
    rope_theta: float = 10000.0
    eps: float = 1e-5
    # "inputs": caches are arguments and outputs; "buffers": registered buffers written
    # in place with index_copy_ (torch.export records buffer mutations), forward takes
    # (tokens, input_pos) and returns {"logits"} only.
    cache: str = "inputs"

    @property
    def head_dim(self) -> int:
        return self.dim // self.heads

    def cache_shape(self) -> tuple[int, int, int, int]:
        return (1, self.kv_heads, self.max_len, self.head_dim)

    def params(self) -> int:
        hd, d = self.head_dim, self.dim
        block = d * d * 2 + 2 * d * self.kv_heads * hd + 3 * d * self.ffn + 2 * d
        return self.vocab * d * (1 if self.tied else 2) + self.layers * block + d



class RMSNorm(nn.Module):
    def __init__(self, d: int, eps: float):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rotate(x, cos, sin):
    half = x.shape[-1] // 2
    return x * cos + torch.cat((-x[..., half:], x[..., :half]), -1) * sin


class Block(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.heads, self.kv_heads, self.head_dim = c.heads, c.kv_heads, c.head_dim
        kv = c.kv_heads * c.head_dim
        self.q_proj = nn.Linear(c.dim, c.dim, bias=False)
        self.k_proj = nn.Linear(c.dim, kv, bias=False)
        self.v_proj = nn.Linear(c.dim, kv, bias=False)
        self.o_proj = nn.Linear(c.dim, c.dim, bias=False)
        self.gate_proj = nn.Linear(c.dim, c.ffn, bias=False)
        self.up_proj = nn.Linear(c.dim, c.ffn, bias=False)
        self.down_proj = nn.Linear(c.ffn, c.dim, bias=False)
        self.input_norm = RMSNorm(c.dim, c.eps)
        self.post_norm = RMSNorm(c.dim, c.eps)

    def forward(self, x, cos, sin, mask, pos, kc, vc, in_place: bool):
        b, t, _ = x.shape
        y = self.input_norm(x)
        q = self.q_proj(y).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        k = self.k_proj(y).view(b, t, self.kv_heads, self.head_dim).transpose(1, 2)
        v = self.v_proj(y).view(b, t, self.kv_heads, self.head_dim).transpose(1, 2)
        q, k = rotate(q, cos, sin), rotate(k, cos, sin)
        if in_place:
            kc.index_copy_(2, pos, k)
            vc.index_copy_(2, pos, v)
        else:
            kc = kc.index_copy(2, pos, k)
            vc = vc.index_copy(2, pos, v)
        a = F.scaled_dot_product_attention(q, kc, vc, attn_mask=mask, enable_gqa=self.kv_heads != self.heads)
        x = x + self.o_proj(a.transpose(1, 2).reshape(b, t, -1))
        y = self.post_norm(x)
        return x + self.down_proj(F.silu(self.gate_proj(y)) * self.up_proj(y)), kc, vc


class Llama(nn.Module):
    def __init__(self, c: Config):
        super().__init__()
        self.config = c
        self.embed = nn.Embedding(c.vocab, c.dim)
        self.layers = nn.ModuleList(Block(c) for _ in range(c.layers))
        self.norm = RMSNorm(c.dim, c.eps)
        self.lm_head = nn.Linear(c.dim, c.vocab, bias=False)
        if c.tied:
            self.lm_head.weight = self.embed.weight
        hd = c.head_dim
        inv = 1.0 / (c.rope_theta ** (torch.arange(0, hd, 2).float() / hd))
        f = torch.outer(torch.arange(c.max_len).float(), inv)
        f = torch.cat((f, f), -1)
        self.register_buffer("rope_cos", f.cos(), persistent=False)
        self.register_buffer("rope_sin", f.sin(), persistent=False)
        if c.cache == "buffers":
            for i in range(c.layers):
                self.register_buffer(f"k_cache_{i}", torch.zeros(c.cache_shape()))
                self.register_buffer(f"v_cache_{i}", torch.zeros(c.cache_shape()))
        elif c.cache != "inputs":
            raise ValueError(f"cache must be 'inputs' or 'buffers', not {c.cache!r}")

    def forward(self, tokens, input_pos, k_caches=None, v_caches=None):
        c = self.config
        in_place = c.cache == "buffers"
        if in_place:
            k_caches = [getattr(self, f"k_cache_{i}") for i in range(c.layers)]
            v_caches = [getattr(self, f"v_cache_{i}") for i in range(c.layers)]
        x = self.embed(tokens)
        cos, sin = self.rope_cos[input_pos], self.rope_sin[input_pos]
        mask = (torch.arange(c.max_len, device=tokens.device)[None, :] <= input_pos[:, None])[None, None]
        out = {}
        nk, nv = [], []
        for layer, kc, vc in zip(self.layers, k_caches, v_caches):
            x, kc, vc = layer(x, cos, sin, mask, input_pos, kc, vc, in_place)
            nk.append(kc)
            nv.append(vc)
        out["logits"] = self.lm_head(self.norm(x))
        if not in_place:
            out.update({f"k_caches_{i}": k for i, k in enumerate(nk)})
            out.update({f"v_caches_{i}": v for i, v in enumerate(nv)})
        return out


def build(c: Config, seed: int = 0) -> Llama:
    """The model with PyTorch's default initialization from `seed` (the same weights in every
    process: the export, litert-torch's conversion and the fixtures build it alike); the
    RMSNorm scales are drawn around 1 so that they matter."""
    torch.manual_seed(seed)
    m = Llama(c)
    with torch.no_grad():
        for mod in m.modules():
            if isinstance(mod, RMSNorm):
                mod.weight.uniform_(0.5, 1.5)
    return m.eval()


def empty_caches(c: Config) -> tuple[list, list]:
    return ([torch.zeros(c.cache_shape()) for _ in range(c.layers)],
            [torch.zeros(c.cache_shape()) for _ in range(c.layers)])


def prefill_args(c: Config, tokens: torch.Tensor) -> dict:
    """Keyword arguments of a prefill over tokens [1, T] from position 0 on empty caches."""
    args = {"tokens": tokens, "input_pos": torch.arange(tokens.shape[1])}
    if c.cache == "inputs":
        args["k_caches"], args["v_caches"] = empty_caches(c)
    return args


def decode_args(c: Config, token: torch.Tensor, pos: int, caches: dict | None = None) -> dict:
    """Keyword arguments of one decode step: token [1, 1] at position pos, on the caches of
    an earlier call's outputs (empty ones when None)."""
    args = {"tokens": token, "input_pos": torch.tensor([pos])}
    if c.cache == "inputs":
        if caches is None:
            args["k_caches"], args["v_caches"] = empty_caches(c)
        else:
            args["k_caches"] = [caches[f"k_caches_{i}"] for i in range(c.layers)]
            args["v_caches"] = [caches[f"v_caches_{i}"] for i in range(c.layers)]
    return args


def flat_inputs(args: dict) -> dict:
    """The named flat inputs of a call, as torch.export (and litert-torch's signatures)
    name them: tokens, input_pos, k_caches_0, ..., v_caches_0, ..."""
    flat = {}
    for k, v in args.items():
        if isinstance(v, (list, tuple)):
            flat.update({f"{k}_{i}": t for i, t in enumerate(v)})
        else:
            flat[k] = v
    return flat
