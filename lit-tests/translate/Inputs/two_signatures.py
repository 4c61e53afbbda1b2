"""Writes a TFL module with two public functions sharing their weights, `prefill`
(a dynamic number of tokens) and `decode` (one token and a state), and, for each, an
input .npz and the NumPy reference outputs: PREFIX.mlir, PREFIX.<key>.inputs.npz,
PREFIX.<key>.expected.npz."""
import sys

import numpy as np

prefix = sys.argv[1]
rng = np.random.default_rng(15)
# 64 KiB: written from where it lies (a hole in the flatbuffer), and shared.
w = rng.standard_normal((128, 128)).astype(np.float32)
b = rng.standard_normal(128).astype(np.float32)


def hex_of(a):
    return "0x" + a.tobytes().hex().upper()


W = f'"tfl.pseudo_const"() {{value = dense<"{hex_of(w)}"> : tensor<128x128xf32>}} : () -> tensor<128x128xf32> loc("w")'
B = f'"tfl.pseudo_const"() {{value = dense<"{hex_of(b)}"> : tensor<128xf32>}} : () -> tensor<128xf32> loc("b")'
FC = '{fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"}'
text = f"""module {{
  func.func @prefill(%x: tensor<?x128xf32>) -> tensor<?x128xf32> attributes {{edge.dynamic_dims = {{tokens = [{{dim = 0 : i64, expr = "s0", max = 8 : i64, min = 1 : i64}}]}}, tf.entry_function = {{inputs = "tokens", outputs = "logits"}}}} {{
    %w = {W}
    %b = {B}
    %y = "tfl.fully_connected"(%x, %w, %b) {FC} : (tensor<?x128xf32>, tensor<128x128xf32>, tensor<128xf32>) -> tensor<?x128xf32> loc("logits")
    return %y : tensor<?x128xf32>
  }}
  func.func @decode(%x: tensor<1x128xf32>, %s: tensor<1x128xf32>) -> (tensor<1x128xf32>, tensor<1x128xf32>) attributes {{tf.entry_function = {{inputs = "token,state", outputs = "logits,next_state"}}}} {{
    %w = {W}
    %b = {B}
    %y = "tfl.fully_connected"(%x, %w, %b) {FC} : (tensor<1x128xf32>, tensor<128x128xf32>, tensor<128xf32>) -> tensor<1x128xf32> loc("logits")
    %n = "tfl.add"(%s, %y) {{fused_activation_function = "NONE"}} : (tensor<1x128xf32>, tensor<1x128xf32>) -> tensor<1x128xf32> loc("next_state")
    return %y, %n : tensor<1x128xf32>, tensor<1x128xf32>
  }}
}}
"""
with open(prefix + ".mlir", "w") as f:
    f.write(text)

tokens = rng.standard_normal((5, 128)).astype(np.float32)
np.savez(prefix + ".prefill.inputs.npz", tokens=tokens)
np.savez(prefix + ".prefill.expected.npz", logits=tokens @ w.T + b)
token = rng.standard_normal((1, 128)).astype(np.float32)
state = rng.standard_normal((1, 128)).astype(np.float32)
logits = token @ w.T + b
np.savez(prefix + ".decode.inputs.npz", token=token, state=state)
np.savez(prefix + ".decode.expected.npz", logits=logits, next_state=state + logits)
