"""A small decoder-only Music Transformer with relative global attention.

Relative attention (Shaw et al. 2018) adds to each query–key logit a term that depends
only on their distance: S_rel[i, j] = q_i · E_r[distance(i - j)]. Computing it naively
needs an L×L×D tensor; Huang et al. (2018) get it from Q·E_rᵀ (L×L) by "skewing":
pad one column on the left, reshape to (L+1)×L, drop the first row. Memory O(L·D).

Sampling keeps a cache of past keys and values per layer, so each new event costs one
query against the cache instead of re-running the whole sequence.
(Work in progress for issue 5: model and sampler; training and scoring come next.)
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Protocol

import torch
import torch.nn.functional as F
from torch import nn

from digitales.music.events import VOCAB


@dataclass
class ModelConfig:
    vocab: int = VOCAB
    d_model: int = 192  # ~2 M parameters: samples ~1100 events/s on 2 cores (d_model 256 × 6 layers: ~400)
    heads: int = 6
    layers: int = 4
    d_ff: int = 768
    max_len: int = 1024  # longest distance the relative embeddings cover
    dropout: float = 0.1


class Guide(Protocol):
    """Steers sampling from outside the model (the composer keeps a part to its key with one)."""

    def shape(self, logits: torch.Tensor) -> None:
        """Change the next event's logits in place (−inf forbids an event)."""

    def took(self, token: int) -> bool:
        """Note the sampled event; True ends sampling after it."""


def skew(qe: torch.Tensor) -> torch.Tensor:
    """(…, L, L) logits of query i against relative embedding r (r = L-1 is distance 0) →
    (…, L, L) logits of query i against key j, for j ≤ i (the rest is masked later)."""
    *batch, length, _ = qe.shape
    padded = F.pad(qe, (1, 0))  # a column of zeros on the left
    return padded.reshape(*batch, length + 1, length)[..., 1:, :]


class RelativeAttention(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.heads, self.d_head = cfg.heads, cfg.d_model // cfg.heads
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.out = nn.Linear(cfg.d_model, cfg.d_model)
        self.rel = nn.Parameter(torch.randn(cfg.max_len, self.d_head) * 0.02)  # row max_len-1 = distance 0
        self.drop = nn.Dropout(cfg.dropout)
        self.max_len = cfg.max_len

    def forward(self, x: torch.Tensor, cache: dict | None = None) -> torch.Tensor:
        b, length, _ = x.shape
        q, k, v = (t.view(b, length, self.heads, self.d_head).transpose(1, 2) for t in self.qkv(x).chunk(3, dim=-1))
        if cache is not None:  # sampling: one (or a few) new positions against everything before
            if "k" in cache:
                k, v = torch.cat([cache["k"], k], dim=2), torch.cat([cache["v"], v], dim=2)
            keep = self.max_len  # distances past max_len are not representable: forget the oldest
            cache["k"], cache["v"] = k[:, :, -keep:], v[:, :, -keep:]
            k, v = cache["k"], cache["v"]
        total = k.shape[2]
        if total > self.max_len:
            raise ValueError(f"sequence of {total} events is longer than the model's {self.max_len}")
        logits = q @ k.transpose(-1, -2)  # (b, h, length, total)
        if length == 1:  # the newest event sees every key, key j at distance total-1-j: no skew, no mask
            logits = (logits + q @ self.rel[self.max_len - total :].T) / math.sqrt(self.d_head)
        else:
            logits = logits + self._relative(q, total)
            # query i sits at absolute position total - length + i; it may see keys up to there
            pos_q = torch.arange(total - length, total, device=x.device)[:, None]
            pos_k = torch.arange(total, device=x.device)[None, :]
            logits = logits.masked_fill(pos_k > pos_q, float("-inf")) / math.sqrt(self.d_head)
        weights = self.drop(torch.softmax(logits, dim=-1))
        y = (weights @ v).transpose(1, 2).reshape(b, length, -1)
        return self.out(y)

    def _relative(self, q: torch.Tensor, total: int) -> torch.Tensor:
        """S_rel for the last `length` queries of a sequence of `total`, via the skew."""
        length = q.shape[2]
        rel = self.rel[self.max_len - total :]  # distances total-1 … 0
        qe = q @ rel.T  # (b, h, length, total)
        if length == total:
            return skew(qe)
        # Fewer queries than keys (cached sampling): pad the queries up to `total` rows
        # so the same skew applies, then keep the last `length` rows.
        full = F.pad(qe, (0, 0, total - length, 0))
        return skew(full)[..., total - length :, :]


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(cfg.d_model), nn.LayerNorm(cfg.d_model)
        self.attn = RelativeAttention(cfg)
        self.ff = nn.Sequential(nn.Linear(cfg.d_model, cfg.d_ff), nn.GELU(), nn.Linear(cfg.d_ff, cfg.d_model))
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x: torch.Tensor, cache: dict | None = None) -> torch.Tensor:
        x = x + self.drop(self.attn(self.norm1(x), cache))
        return x + self.drop(self.ff(self.norm2(x)))


class MusicTransformer(nn.Module):
    def __init__(self, cfg: ModelConfig | None = None):
        super().__init__()
        self.cfg = cfg or ModelConfig()
        self.embed = nn.Embedding(self.cfg.vocab, self.cfg.d_model)
        # scaled by √d on the way in, tied on the way out: unit-size logits at the start
        nn.init.normal_(self.embed.weight, std=self.cfg.d_model**-0.5)
        self.blocks = nn.ModuleList(Block(self.cfg) for _ in range(self.cfg.layers))
        self.norm = nn.LayerNorm(self.cfg.d_model)

    def forward(self, tokens: torch.Tensor, caches: list[dict] | None = None) -> torch.Tensor:
        """Logits over the vocabulary for the next event at every position."""
        x = self.embed(tokens) * math.sqrt(self.cfg.d_model)
        for i, block in enumerate(self.blocks):
            x = block(x, caches[i] if caches is not None else None)
        return self.norm(x) @ self.embed.weight.T  # output tied to the input embedding

    def loss(self, tokens: torch.Tensor) -> torch.Tensor:
        logits = self(tokens[:, :-1])
        return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tokens[:, 1:].reshape(-1))

    @torch.inference_mode()
    def generate(self, prime: list[int], steps: int, temperature: float = 1.0, top_p: float = 0.95,
                 seed: int | torch.Generator = 0, use_cache: bool = True, guide: Guide | None = None) -> list[int]:
        """Up to `steps` new events after `prime`, by nucleus sampling, steered by `guide`."""
        was_training = self.training
        self.eval()
        generator = seed if isinstance(seed, torch.Generator) else torch.Generator().manual_seed(seed)
        tokens = list(prime)
        caches = [{} for _ in self.blocks] if use_cache else None
        fresh = torch.tensor([tokens])
        for _ in range(steps):
            if use_cache:
                logits = self(fresh, caches)[0, -1]
            else:
                logits = self(torch.tensor([tokens[-self.cfg.max_len :]]))[0, -1]
            if guide is not None:
                guide.shape(logits)
            token = _nucleus(logits, temperature, top_p, generator)
            tokens.append(token)
            if guide is not None and guide.took(token):
                break
            fresh = torch.tensor([[token]])
        self.train(was_training)
        return tokens[len(prime) :]

    def config_dict(self) -> dict:
        return asdict(self.cfg)


def _nucleus(logits: torch.Tensor, temperature: float, top_p: float, generator: torch.Generator) -> int:
    probs = torch.softmax(logits.double() / max(temperature, 1e-5), dim=-1)
    order = torch.argsort(probs, descending=True)
    cumulative = torch.cumsum(probs[order], dim=0)
    keep = order[: int((cumulative < top_p).sum()) + 1]
    kept = probs[keep] / probs[keep].sum()
    return int(keep[torch.multinomial(kept, 1, generator=generator)])
