#!/usr/bin/env python3
"""Dynamic shapes on models that are not fixtures: each is exported with
`torch.export.Dim`s (random weights), converted by edge-convert, and run in LiteRT
resized to the min, a middle and the max size of its range, against the eager model.

    .venv-bench/bin/python benchmarks/dynamic_zoo.py [--models a,b] [--edge-bin PATH] [--keep DIR]

One line per model and size: PASS/FAIL with max|err| / max|out| (tolerance 1e-4, the
issue's bar), or the first line of the export or conversion error. Not a test (it needs
torch, torchvision and transformers: benchmarks/setup-litert-torch.sh's venv); exit 1
when any model fails to convert or match.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.export import Dim
from zoo_common import TOL, calibrate_batch_norm, compare, run_litert, torch_init, tv

warnings.filterwarnings("ignore")
torch.backends.mha.set_fastpath_enabled(False)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class UNet(nn.Module):
    def __init__(s):
        super().__init__()
        s.d1 = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU())
        s.d2 = nn.Sequential(nn.Conv2d(8, 16, 3, stride=2, padding=1), nn.ReLU())
        s.d3 = nn.Sequential(nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU())
        s.u2 = nn.ConvTranspose2d(32, 16, 2, stride=2)
        s.u1 = nn.ConvTranspose2d(32, 8, 2, stride=2)
        s.out = nn.Conv2d(16, 2, 1)

    def forward(s, x):
        a = s.d1(x); b = s.d2(a); c = s.d3(b)
        u = torch.cat([s.u2(c), b], 1)
        return s.out(torch.cat([s.u1(u), a], 1))


class Interp(nn.Module):
    """Segmentation-style head: features at 1/4 size, bilinear back to the input's size."""
    def __init__(s):
        super().__init__()
        s.f = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.ReLU(), nn.Conv2d(8, 4, 3, stride=2, padding=1))

    def forward(s, x):
        return F.interpolate(s.f(x), size=x.shape[-2:], mode="bilinear", align_corners=False)


class Audio(nn.Module):
    def __init__(s):
        super().__init__()
        s.c = nn.Sequential(nn.Conv1d(1, 8, 9, stride=2, padding=4), nn.GELU(), nn.Conv1d(8, 16, 9, stride=2, padding=4), nn.GELU())
        s.fc = nn.Linear(16, 4)

    def forward(s, x):
        h = s.c(x).transpose(1, 2)
        return s.fc(h).mean(1)


class TDecoder(nn.Module):
    def __init__(s):
        super().__init__()
        s.emb = nn.Embedding(50, 32)
        s.d = nn.TransformerDecoder(nn.TransformerDecoderLayer(32, 4, 64, dropout=0.0, batch_first=True), 2)
        s.head = nn.Linear(32, 50)

    def forward(s, ids, memory):
        T = ids.shape[1]
        mask = nn.Transformer.generate_square_subsequent_mask(T)
        return s.head(s.d(s.emb(ids), memory, tgt_mask=mask, tgt_is_causal=True))


class TEncoderPadMask(nn.Module):
    """nn.TransformerEncoder over [b, s] ids with a boolean key padding mask."""
    def __init__(s):
        super().__init__()
        s.emb = nn.Embedding(50, 32)
        s.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(32, 4, 64, dropout=0.0, batch_first=True), 2, enable_nested_tensor=False)
        s.head = nn.Linear(32, 5)

    def forward(s, ids, pad):
        return s.head(s.enc(s.emb(ids), src_key_padding_mask=pad))


class Audio1d(nn.Module):
    """Conv1d front end with average pooling over a dynamic length and global avg/max pools."""
    def __init__(s):
        super().__init__()
        s.c1 = nn.Conv1d(2, 8, 5, padding=2)
        s.c2 = nn.Conv1d(8, 16, 3, dilation=2, padding=2)
        s.fc = nn.Linear(16, 3)

    def forward(s, x):
        # (max_pool1d over a dynamic length specializes it in torch.export 2.14: avg here)
        h = F.avg_pool1d(F.relu(s.c1(x)), 3, 2, 1, count_include_pad=False)
        h = F.avg_pool1d(F.relu(s.c2(h)), 2)
        return s.fc(F.adaptive_avg_pool1d(h, 1).squeeze(-1)), F.adaptive_max_pool1d(h, 1).squeeze(-1)


class DiffusionBlock(nn.Module):
    """A Stable-Diffusion-style UNet block over dynamic H/W: GroupNorm + SiLU convs with a
    time embedding, self-attention over the h*w tokens, nearest upsampling."""
    def __init__(s):
        super().__init__()
        s.n1, s.c1 = nn.GroupNorm(4, 16), nn.Conv2d(16, 16, 3, padding=1)
        s.t = nn.Linear(8, 16)
        s.n2, s.c2 = nn.GroupNorm(4, 16), nn.Conv2d(16, 16, 3, padding=1)
        s.na = nn.GroupNorm(4, 16)
        s.attn = nn.MultiheadAttention(16, 2, batch_first=True)
        s.up = nn.Conv2d(16, 8, 3, padding=1)

    def forward(s, x, temb):
        h = s.c1(F.silu(s.n1(x))) + s.t(F.silu(temb))[:, :, None, None]
        h = x + s.c2(F.silu(s.n2(h)))
        b, c, hh, ww = h.shape
        q = s.na(h).flatten(2).transpose(1, 2)
        a, _ = s.attn(q, q, q, need_weights=False)
        h = h + a.transpose(1, 2).reshape(b, c, hh, ww)
        return s.up(F.interpolate(h, scale_factor=2.0, mode="nearest"))


class StyleNet(nn.Module):
    """Instance-norm style transfer net (reflection padding) over dynamic H/W."""
    def __init__(s):
        super().__init__()
        s.c1, s.c2 = nn.Conv2d(3, 8, 9, padding=4, padding_mode="reflect"), nn.Conv2d(8, 16, 3, stride=2, padding=1)
        s.i1, s.i2 = nn.InstanceNorm2d(8, affine=True), nn.InstanceNorm2d(16, affine=True)
        s.u = nn.ConvTranspose2d(16, 3, 3, stride=2, padding=1, output_padding=1)

    def forward(s, x):
        return s.u(F.relu(s.i2(s.c2(F.relu(s.i1(s.c1(x)))))))


class Upsamplers(nn.Module):
    """Decoder-style resizes over dynamic H/W: nearest and corner-aligned bilinear by 2, a
    transposed conv with output_padding, and bilinear to a fixed size (a dynamic input
    resized to a static output)."""
    def __init__(s):
        super().__init__()
        s.c = nn.Conv2d(3, 4, 3, padding=1)
        s.t = nn.ConvTranspose2d(4, 4, 3, stride=2, padding=1, output_padding=1)

    def forward(s, x):
        h = s.c(x)
        return (F.interpolate(h, scale_factor=2, mode="nearest"),
                F.interpolate(h, scale_factor=2, mode="bilinear", align_corners=True),
                s.t(h),
                F.interpolate(h, size=(8, 8), mode="bilinear", align_corners=False))


class ViTTiny(nn.Module):
    def __init__(s):
        super().__init__()
        s.patch = nn.Conv2d(3, 32, 8, stride=8)
        s.cls = nn.Parameter(torch.randn(1, 1, 32))
        s.pos = nn.Parameter(torch.randn(1, 17, 32))
        s.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(32, 4, 64, dropout=0.0, batch_first=True, norm_first=True), 2)
        s.head = nn.Linear(32, 10)

    def forward(s, x):
        p = s.patch(x).flatten(2).transpose(1, 2)
        h = torch.cat([s.cls.expand(x.shape[0], -1, -1), p], 1) + s.pos
        return s.head(s.enc(h)[:, 0])


def hf(kind):
    import transformers as t
    if kind == "gpt2":
        cfg = t.GPT2Config(n_layer=2, n_embd=64, n_head=4, vocab_size=100, n_positions=64)
        return t.GPT2LMHeadModel(cfg)
    if kind == "bert":
        cfg = t.BertConfig(num_hidden_layers=2, hidden_size=64, num_attention_heads=4, intermediate_size=128, vocab_size=100, max_position_embeddings=64)
        return t.BertModel(cfg, add_pooling_layer=False)
    if kind == "llama":
        cfg = t.LlamaConfig(num_hidden_layers=2, hidden_size=64, num_attention_heads=4, num_key_value_heads=2, intermediate_size=128, vocab_size=100, max_position_embeddings=64)
        return t.LlamaForCausalLM(cfg)
    small = dict(num_hidden_layers=2, hidden_size=64, num_attention_heads=4, intermediate_size=128, vocab_size=100, max_position_embeddings=64)
    if kind == "distilbert":
        return t.DistilBertModel(t.DistilBertConfig(n_layers=2, dim=64, n_heads=4, hidden_dim=128, vocab_size=100, max_position_embeddings=64))
    if kind == "roberta":
        return t.RobertaModel(t.RobertaConfig(**{**small, "max_position_embeddings": 70}), add_pooling_layer=False)
    if kind == "t5enc":
        return t.T5EncoderModel(t.T5Config(num_layers=2, d_model=64, d_kv=16, num_heads=4, d_ff=128, vocab_size=100,
                                           relative_attention_num_buckets=8, relative_attention_max_distance=20))
    if kind == "qwen2":
        return t.Qwen2ForCausalLM(t.Qwen2Config(**small, num_key_value_heads=2))
    if kind == "mistral":
        return t.MistralForCausalLM(t.MistralConfig(**small, num_key_value_heads=2, sliding_window=None))
    if kind == "vit":
        return t.ViTModel(t.ViTConfig(image_size=32, patch_size=8, num_channels=3, hidden_size=64, num_hidden_layers=2,
                                      num_attention_heads=4, intermediate_size=128), add_pooling_layer=False)
    if kind == "wav2vec2":
        return t.Wav2Vec2Model(t.Wav2Vec2Config(hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128,
                                                conv_dim=(16, 16, 16), conv_stride=(5, 2, 2), conv_kernel=(10, 3, 3),
                                                num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=4,
                                                feat_extract_norm="group", do_stable_layer_norm=False))
    if kind == "whisper_enc":
        cfg = t.WhisperConfig(d_model=64, encoder_layers=2, encoder_attention_heads=4, encoder_ffn_dim=128, num_mel_bins=16,
                              max_source_positions=64, vocab_size=100, pad_token_id=0, bos_token_id=1, eos_token_id=2,
                              decoder_start_token_id=1)
        from transformers.models.whisper.modeling_whisper import WhisperEncoder
        return WhisperEncoder(cfg)
    if kind == "qwen3":
        return t.Qwen3ForCausalLM(t.Qwen3Config(**small, num_key_value_heads=2, head_dim=16))
    if kind == "gemma":
        return t.GemmaForCausalLM(t.GemmaConfig(**small, num_key_value_heads=1, head_dim=16))
    if kind == "phi3":
        return t.Phi3ForCausalLM(t.Phi3Config(**small, num_key_value_heads=4, pad_token_id=0))
    if kind == "gpt_neox":
        return t.GPTNeoXForCausalLM(t.GPTNeoXConfig(**small, rotary_pct=0.25))
    if kind == "clip_text":
        return t.CLIPTextModel(t.CLIPTextConfig(vocab_size=100, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                                                num_attention_heads=4, max_position_embeddings=64, eos_token_id=2))
    if kind == "bart":
        return t.BartModel(t.BartConfig(vocab_size=100, d_model=64, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4,
                                        decoder_attention_heads=4, encoder_ffn_dim=128, decoder_ffn_dim=128, max_position_embeddings=64))
    if kind == "t5":
        return t.T5Model(t.T5Config(num_layers=2, num_decoder_layers=2, d_model=64, d_kv=16, num_heads=4, d_ff=128, vocab_size=100,
                                    relative_attention_num_buckets=8, relative_attention_max_distance=20))
    if kind == "albert":
        return t.AlbertModel(t.AlbertConfig(**small, embedding_size=32), add_pooling_layer=False)
    if kind == "segformer":
        return t.SegformerForSemanticSegmentation(t.SegformerConfig(num_channels=3, num_encoder_blocks=2, depths=[1, 1], sr_ratios=[2, 1],
                                                                    hidden_sizes=[16, 32], num_attention_heads=[1, 2], decoder_hidden_size=32,
                                                                    patch_sizes=[7, 3], strides=[4, 2], mlp_ratios=[2, 2], num_labels=3))
    if kind == "mobilevit":
        return t.MobileViTModel(t.MobileViTConfig(image_size=64, hidden_sizes=[32, 40, 48], neck_hidden_sizes=[8, 8, 16, 24, 32, 40, 96],
                                                  num_attention_heads=2), expand_output=False)
    if kind == "hf_convnext":
        return t.ConvNextModel(t.ConvNextConfig(hidden_sizes=[16, 32, 48, 64], depths=[1, 1, 1, 1]))
    if kind == "dinov2":
        return t.Dinov2Model(t.Dinov2Config(image_size=32, patch_size=8, hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                                            mlp_ratio=2))
    if kind == "opt":
        return t.OPTForCausalLM(t.OPTConfig(vocab_size=100, hidden_size=64, num_hidden_layers=2, ffn_dim=128, num_attention_heads=4,
                                            max_position_embeddings=64, word_embed_proj_dim=64, pad_token_id=1))
    if kind == "bloom":
        return t.BloomForCausalLM(t.BloomConfig(vocab_size=100, hidden_size=64, n_layer=2, n_head=4))
    if kind == "falcon":
        return t.FalconForCausalLM(t.FalconConfig(vocab_size=100, hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                                                  new_decoder_architecture=False, multi_query=True, alibi=False))
    if kind == "gptj":
        return t.GPTJForCausalLM(t.GPTJConfig(vocab_size=100, n_embd=64, n_layer=2, n_head=4, rotary_dim=8, n_positions=64))
    if kind == "gemma2":
        return t.Gemma2ForCausalLM(t.Gemma2Config(**small, num_key_value_heads=2, head_dim=16, sliding_window=8))
    if kind == "deberta_v2":
        return t.DebertaV2Model(t.DebertaV2Config(**small, relative_attention=True, position_buckets=16, max_relative_positions=32,
                                                  pos_att_type=["p2c", "c2p"]))
    if kind == "convbert":
        return t.ConvBertModel(t.ConvBertConfig(**small, embedding_size=64, conv_kernel_size=5, head_ratio=2))
    if kind == "mobilebert":
        return t.MobileBertModel(t.MobileBertConfig(vocab_size=100, hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                                                    intermediate_size=64, embedding_size=32, intra_bottleneck_size=32,
                                                    max_position_embeddings=64, num_feedforward_networks=2), add_pooling_layer=False)
    if kind == "beit":
        return t.BeitModel(t.BeitConfig(image_size=32, patch_size=8, hidden_size=64, num_hidden_layers=2, num_attention_heads=4,
                                        intermediate_size=128, use_relative_position_bias=True), add_pooling_layer=False)
    if kind == "clip_vision":
        return t.CLIPVisionModel(t.CLIPVisionConfig(image_size=32, patch_size=8, hidden_size=64, num_hidden_layers=2,
                                                    num_attention_heads=4, intermediate_size=128))
    if kind == "siglip_vision":
        return t.SiglipVisionModel(t.SiglipVisionConfig(image_size=32, patch_size=8, hidden_size=64, num_hidden_layers=2,
                                                        num_attention_heads=4, intermediate_size=128))
    if kind == "hf_swin":
        return t.SwinModel(t.SwinConfig(image_size=32, patch_size=4, embed_dim=16, depths=[1, 1], num_heads=[2, 2], window_size=4))
    if kind == "hubert":
        return t.HubertModel(t.HubertConfig(hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128,
                                            conv_dim=(16, 16, 16), conv_stride=(5, 2, 2), conv_kernel=(10, 3, 3),
                                            num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=4))
    if kind == "speech2text_enc":
        from transformers.models.speech_to_text.modeling_speech_to_text import Speech2TextEncoder
        return Speech2TextEncoder(t.Speech2TextConfig(d_model=64, encoder_layers=2, encoder_attention_heads=4, encoder_ffn_dim=128,
                                                      input_feat_per_channel=16, num_conv_layers=2, conv_channels=32,
                                                      max_source_positions=64, vocab_size=100))
    if kind == "mistral_swa":
        return t.MistralForCausalLM(t.MistralConfig(**small, num_key_value_heads=2, sliding_window=8))
    if kind == "hf_resnet":
        return t.ResNetModel(t.ResNetConfig(embedding_size=16, hidden_sizes=[16, 32, 48, 64], depths=[1, 1, 1, 1], layer_type="basic"))
    if kind == "depth_anything":
        backbone = t.Dinov2Config(image_size=56, patch_size=14, hidden_size=32, num_hidden_layers=4, num_attention_heads=2, mlp_ratio=2,
                                  out_features=["stage1", "stage2", "stage3", "stage4"], reshape_hidden_states=False)
        return t.DepthAnythingForDepthEstimation(t.DepthAnythingConfig(backbone_config=backbone, reassemble_hidden_size=32,
                                                                       neck_hidden_sizes=[8, 16, 32, 32], fusion_hidden_size=16,
                                                                       head_hidden_size=8, patch_size=14))
    raise ValueError(kind)


class HFSeq2Seq(nn.Module):
    """An HF encoder-decoder over source and target ids: the decoder's last hidden state."""
    def __init__(s, m):
        super().__init__()
        s.m = m

    def forward(s, src, tgt):
        return s.m(input_ids=src, decoder_input_ids=tgt, use_cache=False).last_hidden_state


class HFField(nn.Module):
    """One field of an HF model's output over one tensor input: `logits` (segmentation
    heads over pixels), `last_hidden_state` (encoders over audio or pixels)."""
    def __init__(s, m, field):
        super().__init__()
        s.m, s.field = m, field

    def forward(s, x):
        return getattr(s.m(x), s.field)


class HFDepth(nn.Module):
    """A depth head's prediction before its final ReLU (random weights: all zero after it)."""
    def __init__(s, m):
        super().__init__()
        s.m = m
        s.m.head.activation2 = nn.Identity()

    def forward(s, x):
        return s.m(x).predicted_depth


class HFLogits(nn.Module):
    def __init__(s, m, with_mask):
        super().__init__()
        s.m, s.with_mask = m, with_mask

    def forward(s, ids, mask=None):
        out = s.m(input_ids=ids, attention_mask=mask, use_cache=False) if s.with_mask else s.m(input_ids=ids, use_cache=False)
        return out.logits if hasattr(out, "logits") else out.last_hidden_state


def g():
    return torch.Generator().manual_seed(0)


B = Dim("batch", min=1, max=6)
S = Dim("seq", min=2, max=48)


def small_convnext():
    from torchvision.models.convnext import ConvNeXt, CNBlockConfig
    return ConvNeXt([CNBlockConfig(16, 32, 1), CNBlockConfig(32, 48, 1), CNBlockConfig(48, 64, 2), CNBlockConfig(64, None, 1)],
                    stochastic_depth_prob=0.0, num_classes=10)


def small_swin():
    from torchvision.models.swin_transformer import SwinTransformer
    return SwinTransformer(patch_size=[4, 4], embed_dim=16, depths=[1, 1], num_heads=[2, 2], window_size=[4, 4],
                           stochastic_depth_prob=0.0, num_classes=10)


def small_tv_vit():
    from torchvision.models.vision_transformer import VisionTransformer
    m = VisionTransformer(image_size=32, patch_size=8, num_layers=2, num_heads=4, hidden_dim=64, mlp_dim=128, num_classes=10)
    nn.init.normal_(m.heads.head.weight, std=0.1)  # zero-initialized: the output would be all zeros
    return m


def small_resnext():
    """ResNeXt blocks (grouped 3x3, 32 groups of 4), one per stage: resnext50's 16 blocks
    with random weights lose 1e-4 to float32 rounding in PyTorch itself."""
    from torchvision.models.resnet import ResNet, Bottleneck
    return torch_init(ResNet(Bottleneck, [1, 1, 1, 1], groups=32, width_per_group=4, num_classes=10))


def small_regnet():
    from torchvision.models.regnet import RegNet, BlockParams
    return RegNet(BlockParams.from_init_params(depth=6, w_0=16, w_a=8.0, w_m=2.0, group_width=8, se_ratio=0.25), num_classes=10)


def seg(name):
    def make():
        import torchvision.models.segmentation as sm
        return SegOut(getattr(sm, name)(weights=None, weights_backbone=None, num_classes=3))
    return make


class SegOut(nn.Module):
    def __init__(s, m):
        super().__init__()
        s.m = m

    def forward(s, x):
        return s.m(x)["out"]


def masked_ids(vocab):
    """ids [b, n] and a padding mask whose last row ends one token early (b = 1 + n % 3)."""
    def make(n):
        b = 1 + n % 3
        mask = torch.ones(b, n, dtype=torch.long)
        mask[-1, n - 1:] = 0
        return torch.randint(3, vocab, (b, n), generator=g()), mask
    return make


def specs():
    """name -> (module factory, make_inputs(size) -> tuple, dynamic_shapes, sizes).

    Left out: torchvision r3d_18 (zoo14.py checks the video nets, static); Depth
    Anything over dynamic H/W (its head's int(patch_h * patch_size) makes torch.export
    record a constant output size); torchvision's FPN backbone over dynamic H/W and
    max_pool1d over a dynamic length (torch.export guards narrow the range or
    specialize it). Whisper's encoder stays below: it checks its input length.
    """
    img = lambda c, h, w: (lambda n: (torch.randn(n, c, h, w, generator=g()),))
    ids = lambda n: torch.randint(0, 50, (1, n), generator=g())
    seq_ids = lambda n: (torch.randint(3, 100, (1, n), generator=g()),)
    hw32 = lambda n: (torch.randn(1, 3, 32 * n, 32 * (n + 1), generator=g()),)
    dyn_hw32 = {"x": {2: 32 * Dim("h", min=1, max=4), 3: 32 * Dim("w", min=2, max=5)}}
    return {
        "resnet18_batch": (lambda: tv("resnet18", num_classes=10), img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "mobilenet_v3_small_batch": (lambda: tv("mobilenet_v3_small", num_classes=10), img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "unet_hw": (UNet, lambda n: (torch.randn(1, 3, 8 * n, 8 * (n + 1), generator=g()),),
                    {"x": {2: 8 * Dim("h", min=2, max=8), 3: 8 * Dim("w", min=3, max=9)}}, [2, 5, 8]),
        "interp_hw": (Interp, lambda n: (torch.randn(1, 3, 4 * n, 4 * n + 8, generator=g()),),
                      {"x": {2: 4 * Dim("h", min=2, max=12), 3: 4 * Dim("w", min=4, max=14)}}, [2, 7, 12]),
        "audio_len": (Audio, lambda n: (torch.randn(2, 1, 4 * n, generator=g()),), {"x": {2: 4 * Dim("t", min=4, max=64)}}, [4, 30, 64]),
        "vit_batch": (ViTTiny, img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "tdecoder_seq": (TDecoder, lambda n: (ids(n), torch.randn(1, 7, 32, generator=g())), {"ids": {1: S}, "memory": None}, [2, 17, 48]),
        "gpt2_seq": (lambda: HFLogits(hf("gpt2"), False), lambda n: (torch.randint(0, 100, (1, n), generator=g()),), {"ids": {1: S}}, [2, 17, 48]),
        "bert_batch_seq": (lambda: HFLogits(hf("bert"), True),
                           lambda n: (torch.randint(0, 100, (1 + n % 3, n), generator=g()), (torch.arange(n) < n - 1).long().expand(1 + n % 3, n).contiguous()),
                           {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "llama_seq": (lambda: HFLogits(hf("llama"), False), lambda n: (torch.randint(0, 100, (1, n), generator=g()),), {"ids": {1: S}}, [2, 17, 48]),
        # torchvision classifiers, dynamic batch
        "efficientnet_b0_batch": (lambda: tv("efficientnet_b0", num_classes=10), img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "convnext_small_batch": (small_convnext, img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "shufflenet_v2_batch": (lambda: tv("shufflenet_v2_x0_5", num_classes=10), img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "squeezenet_batch": (lambda: tv("squeezenet1_1", num_classes=10), img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "regnet_batch": (small_regnet, img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "mnasnet_batch": (lambda: tv("mnasnet0_5", num_classes=10), img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "densenet_batch": (lambda: tv("densenet121", num_classes=10), img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        # dynamic H/W
        "convnext_small_hw": (small_convnext, hw32, dyn_hw32, [1, 2, 4]),
        "lraspp_mnv3_hw": (seg("lraspp_mobilenet_v3_large"), hw32, dyn_hw32, [1, 2, 4]),
        "deeplabv3_mnv3_hw": (seg("deeplabv3_mobilenet_v3_large"), hw32, dyn_hw32, [1, 2, 4]),
        "efficientnet_b0_hw": (lambda: tv("efficientnet_b0", num_classes=10), hw32, dyn_hw32, [1, 2, 4]),
        # HF, dynamic sequence / audio length / batch
        "distilbert_seq": (lambda: HFLogits(hf("distilbert"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "roberta_mask_batch_seq": (lambda: HFLogits(hf("roberta"), True), masked_ids(100), {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "t5enc_seq": (lambda: HFLogits(hf("t5enc"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "qwen2_mask_seq": (lambda: HFLogits(hf("qwen2"), True), masked_ids(100), {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "mistral_seq": (lambda: HFLogits(hf("mistral"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "hf_vit_batch": (lambda: HFField(hf("vit"), "last_hidden_state"), img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "wav2vec2_len": (lambda: HFField(hf("wav2vec2"), "last_hidden_state"), lambda n: (torch.randn(1, 80 * n, generator=g()),),
                         {"x": {1: 80 * Dim("t", min=2, max=40)}}, [2, 13, 40]),
        "swin_small_batch": (small_swin, img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "tv_vit_batch": (small_tv_vit, img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "hf_convnext_hw": (lambda: HFField(hf("hf_convnext"), "last_hidden_state"), hw32, dyn_hw32, [1, 2, 4]),
        "segformer_hw": (lambda: HFField(hf("segformer"), "logits"), hw32, dyn_hw32, [1, 2, 4]),
        "mobilevit_batch": (lambda: torch_init(HFField(hf("mobilevit"), "last_hidden_state")), img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "dinov2_batch": (lambda: HFField(hf("dinov2"), "last_hidden_state"), img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "qwen3_seq": (lambda: HFLogits(hf("qwen3"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "gemma_seq": (lambda: HFLogits(hf("gemma"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "phi3_seq": (lambda: HFLogits(hf("phi3"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "gpt_neox_seq": (lambda: HFLogits(hf("gpt_neox"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "gpt2_mask_batch_seq": (lambda: HFLogits(hf("gpt2"), True), masked_ids(100), {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "clip_text_seq": (lambda: HFField(hf("clip_text"), "last_hidden_state"), seq_ids, {"x": {1: S}}, [2, 17, 48]),
        "albert_seq": (lambda: HFLogits(hf("albert"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "bart_src_tgt": (lambda: HFSeq2Seq(hf("bart")), lambda n: (torch.randint(3, 100, (1, n), generator=g()), torch.randint(3, 100, (1, n // 2 + 1), generator=g())),
                         {"src": {1: S}, "tgt": {1: Dim("tgt", min=2, max=40)}}, [2, 17, 48]),
        "t5_src_tgt": (lambda: HFSeq2Seq(hf("t5")), lambda n: (torch.randint(3, 100, (1, n), generator=g()), torch.randint(3, 100, (1, n // 2 + 1), generator=g())),
                       {"src": {1: S}, "tgt": {1: Dim("tgt", min=2, max=40)}}, [2, 17, 48]),
        # more torchvision, dynamic batch and H/W
        "googlenet_batch": (lambda: tv("googlenet", num_classes=10, aux_logits=False, init_weights=True), img(3, 64, 64), {"x": {0: B}}, [1, 3, 6]),
        "vgg11_bn_batch": (lambda: tv("vgg11_bn", num_classes=10), img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "resnext_batch": (small_resnext, img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "resnet18_hw": (lambda: tv("resnet18", num_classes=10), hw32, dyn_hw32, [1, 2, 4]),
        "mobilenet_v3_small_hw": (lambda: tv("mobilenet_v3_small", num_classes=10), hw32, dyn_hw32, [1, 2, 4]),
        "squeezenet_hw": (lambda: tv("squeezenet1_1", num_classes=10), hw32, dyn_hw32, [1, 2, 4]),
        "googlenet_hw": (lambda: tv("googlenet", num_classes=10, aux_logits=False, init_weights=True), hw32, dyn_hw32, [1, 2, 4]),
        "shufflenet_v2_hw": (lambda: tv("shufflenet_v2_x0_5", num_classes=10), hw32, dyn_hw32, [1, 2, 4]),
        "densenet_hw": (lambda: tv("densenet121", num_classes=10), hw32, dyn_hw32, [1, 2, 4]),
        "upsamplers_hw": (Upsamplers, lambda n: (torch.randn(1, 3, n, n + 3, generator=g()),),
                          {"x": {2: Dim("h", min=2, max=24), 3: Dim("w", min=5, max=27)}}, [2, 9, 24]),
        "audio1d_len": (Audio1d, lambda n: (torch.randn(2, 2, 4 * n, generator=g()),), {"x": {2: 4 * Dim("t", min=2, max=64)}}, [2, 21, 64]),
        "tencoder_padmask_batch_seq": (TEncoderPadMask, lambda n: (torch.randint(0, 50, (1 + n % 3, n), generator=g()),
                                                                   (torch.arange(n) >= n - 1 - torch.arange(1 + n % 3)[:, None] % 2)),
                                       {"ids": {0: B, 1: S}, "pad": {0: B, 1: S}}, [2, 17, 48]),
        # more HF families
        "distilbert_mask_batch_seq": (lambda: HFLogits(hf("distilbert"), True), masked_ids(100), {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "t5enc_mask_batch_seq": (lambda: HFLogits(hf("t5enc"), True), masked_ids(100), {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "opt_mask_batch_seq": (lambda: HFLogits(hf("opt"), True), masked_ids(100), {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "opt_seq": (lambda: HFLogits(hf("opt"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "bloom_seq": (lambda: HFLogits(hf("bloom"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "falcon_seq": (lambda: HFLogits(hf("falcon"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "gptj_seq": (lambda: HFLogits(hf("gptj"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "gemma2_swa_seq": (lambda: HFLogits(hf("gemma2"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "deberta_v2_seq": (lambda: HFLogits(hf("deberta_v2"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "convbert_seq": (lambda: HFLogits(hf("convbert"), False), seq_ids, {"ids": {1: S}}, [2, 17, 48]),
        "mobilebert_seq": (lambda: HFLogits(hf("mobilebert"), False), seq_ids, {"ids": {1: Dim("seq", min=3, max=48)}}, [3, 17, 48]),  # trigram input: torch guards seq != 2
        "beit_batch": (lambda: HFField(hf("beit"), "last_hidden_state"), img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "clip_vision_batch": (lambda: HFField(hf("clip_vision"), "last_hidden_state"), img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "siglip_vision_batch": (lambda: HFField(hf("siglip_vision"), "last_hidden_state"), img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "hf_swin_batch": (lambda: HFField(hf("hf_swin"), "last_hidden_state"), img(3, 32, 32), {"x": {0: B}}, [1, 3, 6]),
        "hubert_len": (lambda: HFField(hf("hubert"), "last_hidden_state"), lambda n: (torch.randn(1, 80 * n, generator=g()),),
                       {"x": {1: 80 * Dim("t", min=2, max=40)}}, [2, 13, 40]),
        "speech2text_enc_len": (lambda: HFField(hf("speech2text_enc"), "last_hidden_state"), lambda n: (torch.randn(1, 4 * n, 16, generator=g()),),
                                {"x": {1: 4 * Dim("t", min=2, max=30)}}, [2, 11, 30]),
        # custom blocks of public designs
        "diffusion_block_hw": (DiffusionBlock, lambda n: (torch.randn(2, 16, n, n + 2, generator=g()), torch.randn(2, 8, generator=g())),
                               {"x": {2: Dim("h", min=2, max=16), 3: Dim("w", min=4, max=18)}, "temb": None}, [2, 7, 16]),
        "stylenet_hw": (StyleNet, lambda n: (torch.randn(1, 3, 8 * n, 8 * n + 8, generator=g()),),
                        {"x": {2: 8 * Dim("h", min=2, max=8), 3: 8 * Dim("w", min=3, max=9)}}, [2, 5, 8]),
        "llama_mask_batch_seq": (lambda: HFLogits(hf("llama"), True), masked_ids(100), {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "mistral_swa_mask_batch_seq": (lambda: HFLogits(hf("mistral_swa"), True), masked_ids(100), {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "gemma2_swa_mask_batch_seq": (lambda: HFLogits(hf("gemma2"), True), masked_ids(100), {"ids": {0: B, 1: S}, "mask": {0: B, 1: S}}, [2, 17, 48]),
        "hf_resnet_hw": (lambda: HFField(hf("hf_resnet"), "last_hidden_state"), hw32, dyn_hw32, [1, 2, 4]),
        "depth_anything_batch": (lambda: torch_init(HFDepth(hf("depth_anything"))), img(3, 56, 56), {"x": {0: B}}, [1, 3, 6]),
        "dinov2_hw": (lambda: HFField(hf("dinov2"), "last_hidden_state"), lambda n: (torch.randn(1, 3, 8 * n, 8 * (n + 1), generator=g()),),
                      {"x": {2: 8 * Dim("h", min=2, max=8), 3: 8 * Dim("w", min=3, max=9)}}, [2, 5, 8]),
        "whisper_enc_len": (lambda: HFField(hf("whisper_enc"), "last_hidden_state"), lambda n: (torch.randn(1, 16, 2 * n, generator=g()),),
                            {"x": {2: 2 * Dim("t", min=2, max=64)}}, [2, 21, 64]),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default="")
    ap.add_argument("--edge-bin", default=os.path.join(ROOT, "target/debug/edge-convert"))
    ap.add_argument("--keep", default="")
    a = ap.parse_args()
    work = a.keep or tempfile.mkdtemp(prefix="edge-dynzoo-")
    os.makedirs(work, exist_ok=True)
    want = set(filter(None, a.models.split(",")))
    bad = 0
    for name, (make, inputs_at, dyn, sizes) in specs().items():
        if want and name not in want:
            continue
        torch.manual_seed(0)
        m = make().eval()
        calibrate_batch_norm(m, inputs_at(sizes[-1]))
        pt2 = os.path.join(work, name + ".pt2")
        tfl = os.path.join(work, name + ".tflite")
        try:
            with torch.no_grad():
                ep = torch.export.export(m, inputs_at(sizes[1]), dynamic_shapes=dyn)
            torch.export.save(ep, pt2)
        except Exception as e:  # noqa: BLE001 (report and go on)
            print(f"{name:26s} EXPORT-FAIL {str(e).splitlines()[0][:150]}")
            continue
        p = subprocess.run([a.edge_bin, "-q", pt2, "-o", tfl], capture_output=True, text=True)
        if p.returncode:
            bad += 1
            print(f"{name:26s} CONVERT-FAIL {p.stderr.strip().splitlines()[0][:300] if p.stderr.strip() else p.returncode}")
            continue
        for n in sizes:
            args = inputs_at(n)
            with torch.no_grad():
                want_out = m(*args)
            want_out = [want_out] if isinstance(want_out, torch.Tensor) else list(want_out)
            try:
                got = run_litert(tfl, [t.numpy() for t in args])
            except Exception as e:  # noqa: BLE001
                bad += 1
                print(f"{name:26s} size {n:3d} RUN-FAIL {str(e).splitlines()[0][:200]}")
                continue
            # An output that is (nearly) all zeros compares nothing: flagged.
            worst, degenerate = compare(got, want_out)
            ok = worst <= TOL and not degenerate
            bad += not ok
            shapes = " ".join("x".join(map(str, t.shape)) for t in args)
            print(f"{name:26s} size {n:3d} {'PASS' if ok else 'FAIL'}  err/max {worst:.1e}  inputs {shapes}{'  (output ~0)' if degenerate else ''}")
    print(f"{bad} failures; files in {work}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
