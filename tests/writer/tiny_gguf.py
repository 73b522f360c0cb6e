"""A tiny GGUF model written in the test with the `gguf` package: a one-layer llama whose
attention and feed-forward are zero, so each next token depends only on the last one. Its
output matrix is set to walk a chain: after a newline it says `words`, then end-of-text.
llama.cpp loads and samples it like any other .gguf (byte-level BPE vocabulary, gpt2 style)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def byte_chars() -> dict[int, str]:
    """GPT-2's printable stand-in for each byte."""
    shown = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    chars, extra = shown[:], 0
    for b in range(256):
        if b not in shown:
            shown.append(b)
            chars.append(256 + extra)
            extra += 1
    return dict(zip(shown, map(chr, chars)))


def write_tiny_gguf(path: Path, words: list[str]) -> Path:
    import gguf

    chars = byte_chars()
    tokens = [chars[b] for b in range(256)] + ["<|endoftext|>"]
    eos = 256
    chain = [tokens.index(chars[ord("\n")])]
    for word in words:
        piece = "".join(chars[b] for b in word.encode())
        if piece not in tokens:
            tokens.append(piece)
        chain.append(tokens.index(piece))
    chain.append(eos)
    vocab = len(tokens)
    width = vocab + vocab % 2  # one-hot embeddings; rope wants an even width
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_context_length(2048)
    writer.add_embedding_length(width)
    writer.add_block_count(1)
    writer.add_feed_forward_length(4)
    writer.add_head_count(1)
    writer.add_head_count_kv(1)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_rope_dimension_count(width)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("default")
    writer.add_token_list(tokens)
    writer.add_token_types([1] * vocab)
    writer.add_token_merges(["Ġ t"])
    writer.add_bos_token_id(eos)
    writer.add_eos_token_id(eos)
    follow = np.zeros((vocab, width), np.float32)
    for a, b in zip(chain, chain[1:]):
        follow[b, a] = 2.0  # × √width after the norm: the next token, all but surely
    zeros = lambda *shape: np.zeros(shape, np.float32)  # noqa: E731
    ones = np.ones(width, np.float32)
    writer.add_tensor("token_embd.weight", np.eye(vocab, width, dtype=np.float32))
    writer.add_tensor("output_norm.weight", ones)
    writer.add_tensor("output.weight", follow)
    writer.add_tensor("blk.0.attn_norm.weight", ones)
    writer.add_tensor("blk.0.ffn_norm.weight", ones)
    for name in ("attn_q", "attn_k", "attn_v", "attn_output"):
        writer.add_tensor(f"blk.0.{name}.weight", zeros(width, width))
    writer.add_tensor("blk.0.ffn_gate.weight", zeros(4, width))
    writer.add_tensor("blk.0.ffn_up.weight", zeros(4, width))
    writer.add_tensor("blk.0.ffn_down.weight", zeros(width, 4))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
