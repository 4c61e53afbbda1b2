#!/usr/bin/env python3
"""Decoder zoo: small decoders that are not fixtures, each exported as a prefill and a
decode archive, converted by edge-convert into one .tflite with both signatures and run
in LiteRT against the eager model (runtime-check/run_decoder_litert.py's chain: a prefill,
then chained decode steps on the state each call returned; every call's logits within
1e-4 of max|logits|, top-1 agreement printed).

Models (random weights, seeded):
  * our Llama (benchmarks/llama_model.py) at other sizes: multi-query over 4 layers, a
    tied head with 6 heads of 16, head_dim 64 over a 256-long cache and a 2000-word
    vocabulary, multi-head with the caches in registered buffers (raw and decomposed);
  * Hugging Face transformers' own decoders with their own cache handling:
    LlamaForCausalLM, Qwen2ForCausalLM (q/k/v biases), GPT2LMHeadModel (learned positions,
    LayerNorm, fused qkv), each wrapped in transformers' TorchExportableModuleWithStaticCache
    (a StaticCache whose key/value tensors are registered buffers written in place with
    index_copy_, plus a cumulative_length buffer per layer) and exported with strict=True
    as transformers' own export does; hf_llama-nonstrict is torch.export's default
    (non-strict), where the caches come out as lifted tensor constants written in place
    (edge makes a constant the program writes state too; a converter that does not loses
    the caches silently). Inputs `tokens` and `input_pos` (the cache_position), output
    {"logits"}.

    .venv-bench/bin/python benchmarks/decoder_zoo.py --edge-bin target/release/edge-convert \\
        --work /tmp/zoo [--only hf_] [--flags "--quantize dynamic-int8" --tol 0.05] [--litert-torch]

Prints `PASS|FAIL <model> ...` per model and `N passed, M failed`; exit status 1 if any fails.
`--litert-torch` also converts each module with litert-torch (two signatures, the same
sample inputs) and runs its file through the same chain: printed under the model's line,
not counted.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import shlex
import sys
import traceback
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "runtime-check"))

PREFILL = 5
STEPS = 4
MAX_LEN = 32


def ours(seed: int, **cfg):
    import llama_model as lm

    base = dict(layers=2, dim=64, heads=4, kv_heads=2, ffn=128, vocab=256, max_len=MAX_LEN)
    c = lm.Config(**{**base, **cfg})
    return c, lm.build(c, seed)


class HFDecoder:
    """A transformers causal LM with its static cache as buffers: forward(tokens, input_pos) ->
    {"logits"}, the caches written in place."""

    @staticmethod
    def wrap(model):
        import torch
        from transformers import GenerationConfig
        from transformers.integrations.executorch import TorchExportableModuleWithStaticCache

        class Wrapped(torch.nn.Module):
            def __init__(self):
                super().__init__()
                model.generation_config = GenerationConfig(
                    use_cache=True, cache_implementation="static",
                    cache_config={"batch_size": 1, "max_cache_len": MAX_LEN})
                self.hf = TorchExportableModuleWithStaticCache(model, 1, MAX_LEN)

            def forward(self, tokens, input_pos):
                return {"logits": self.hf(input_ids=tokens, cache_position=input_pos)}

        return Wrapped().eval()


def hf(kind: str):
    import torch
    import transformers as t

    torch.manual_seed(7)
    common = dict(vocab_size=256, max_position_embeddings=64)
    if kind == "llama":
        m = t.LlamaForCausalLM(t.LlamaConfig(hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                                              num_attention_heads=4, num_key_value_heads=2, **common))
    elif kind == "qwen2":
        m = t.Qwen2ForCausalLM(t.Qwen2Config(hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                                              num_attention_heads=4, num_key_value_heads=2, **common))
    elif kind == "gpt2":
        m = t.GPT2LMHeadModel(t.GPT2Config(vocab_size=256, n_embd=64, n_layer=2, n_head=4, n_positions=64,
                                           bos_token_id=0, eos_token_id=0))
    else:
        raise ValueError(kind)
    return None, HFDecoder.wrap(m.eval())


# name -> (factory returning (llama_model.Config or None, module), strict export, decompose)
MODELS = {
    "llama_mqa_4l": (lambda: ours(1, layers=4, dim=128, heads=8, kv_heads=1, ffn=256), False, False),
    "llama_tied_h6x16": (lambda: ours(2, dim=96, heads=6, kv_heads=2, ffn=160, tied=True), False, False),
    "llama_hd64_vocab2000": (lambda: ours(3, dim=256, heads=4, kv_heads=2, ffn=512, vocab=2000, max_len=256), False, False),
    "llama_mha_buffers": (lambda: ours(4, heads=4, kv_heads=4, cache="buffers"), False, False),
    "llama_mha_buffers-decomposed": (lambda: ours(4, heads=4, kv_heads=4, cache="buffers"), False, True),
    "hf_llama": (lambda: hf("llama"), True, False),
    "hf_qwen2": (lambda: hf("qwen2"), True, False),
    "hf_gpt2": (lambda: hf("gpt2"), True, False),
    # torch.export's default (non-strict): the static caches become lifted constants written in place.
    "hf_llama-nonstrict": (lambda: hf("llama"), False, False),
}


def reset_state(module):
    """Zeroes the caches held in buffers (ours and transformers' static caches)."""
    for n, b in module.named_buffers():
        if any(k in n for k in ("k_cache_", "v_cache_", "key_cache_", "value_cache_", "keys", "values",
                                "cumulative_length")):
            b.zero_()


def export_one(name: str, work: str) -> tuple[dict, dict, Any]:
    """Writes NAME.prefill.pt2 / NAME.decode.pt2; returns (archives, reference, (module,
    prefill kwargs, decode kwargs) for litert-torch)."""
    import torch
    import llama_model as lm

    make, strict, decompose = MODELS[name]
    c, m = make()
    vocab = c.vocab if c else 256
    g = torch.Generator().manual_seed(11)
    tokens = torch.randint(0, vocab, (1, PREFILL), generator=g)
    dec_tokens = torch.randint(0, vocab, (STEPS, 1, 1), generator=g)
    if c is not None:
        pre = lm.prefill_args(c, tokens)
        dec = lm.decode_args(c, dec_tokens[0], PREFILL)
    else:
        pre = {"tokens": tokens, "input_pos": torch.arange(PREFILL)}
        dec = {"tokens": dec_tokens[0], "input_pos": torch.tensor([PREFILL])}
    archives = {}
    with torch.no_grad():
        for k, kwargs in (("prefill", pre), ("decode", dec)):
            reset_state(m)
            ep = torch.export.export(m, (), kwargs, strict=strict)
            if decompose:
                ep = ep.run_decompositions()
            archives[k] = os.path.join(work, f"{name}.{k}.pt2")
            torch.export.save(ep, archives[k])
        reset_state(m)
        ref = {"tokens": tokens.numpy(), "decode_tokens": dec_tokens.numpy()}
        out = m(**pre)
        ref["prefill_logits"] = out["logits"].numpy()
        for s in range(STEPS):
            if c is not None:
                args = lm.decode_args(c, dec_tokens[s], PREFILL + s, out)
            else:
                args = {"tokens": dec_tokens[s], "input_pos": torch.tensor([PREFILL + s])}
            out = m(**args)
            ref[f"decode_logits_{s}"] = out["logits"].numpy()
        reset_state(m)
    return archives, ref, (m, pre, dec)


def litert_torch_file(model, pre: dict, dec: dict, path: str) -> str:
    """litert-torch's two-signature conversion of the same module."""
    import litert_torch as lt

    lt.signature("prefill", model, sample_kwargs=pre).signature("decode", model, sample_kwargs=dec).convert().export(path)
    return path


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--edge-bin", default=os.path.join(ROOT, "target", "release", "edge-convert"))
    p.add_argument("--work", required=True)
    p.add_argument("--only", default="", help="models whose name starts with this")
    p.add_argument("--flags", default="", help="more edge-convert flags")
    p.add_argument("--tol", type=float, default=1e-4, help="max|err| / max|logits| per call (default %(default)s)")
    p.add_argument("--litert-torch", action="store_true",
                   help="also convert each model with litert-torch and run its file the same way (printed, not counted)")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    import run_decoder_litert as rd

    passed = failed = 0
    for name in [n for n in MODELS if n.startswith(args.only)]:
        stage = "export"
        try:
            archives, ref, eager = export_one(name, args.work)
            stage = "edge-convert"
            files = rd.convert(args.edge_bin, archives, os.path.join(args.work, f"{name}.tflite"), shlex.split(args.flags))
            stage = "LiteRT"
            r = rd.run_chain(rd.signature_runners(files), ref)
            ok = r["max_error"] <= args.tol
            line = (f"max err {r['max_error']:.3g} top-1 {r['top1_agree']}/{r['top1_of']} "
                    f"(decode {r['decode_top1_agree']}/{r['decode_top1_of']}) state {r['state_inputs']}")
        except Exception as e:  # noqa: BLE001 (one model's failure is reported, the run goes on)
            ok = False
            msg = str(e).strip().splitlines() or [type(e).__name__]
            line = f"{stage}: {type(e).__name__}: " + " | ".join(msg[:6])
            if stage == "export":
                traceback.print_exc(limit=3, file=sys.stderr)
        passed += ok
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'} {name} {line}", flush=True)
        if args.litert_torch and stage != "export":
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    path = litert_torch_file(*eager, os.path.join(args.work, f"{name}.litert-torch.tflite"))
                r = rd.run_chain(rd.signature_runners([path]), ref)
                lt = (f"max err {r['max_error']:.3g} top-1 {r['top1_agree']}/{r['top1_of']} "
                      f"(decode {r['decode_top1_agree']}/{r['decode_top1_of']}) state {len(r['state_inputs'])}")
            except Exception as e:  # noqa: BLE001
                lt = f"{type(e).__name__}: " + " | ".join((str(e).strip().splitlines() or ["?"])[:4])
            print(f"     litert-torch: {lt}", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
