"""The relative attention against a plain reference, a training step, cached sampling."""

import torch

from digitales.music.model import ModelConfig, MusicTransformer, RelativeAttention, skew

TINY = ModelConfig(vocab=50, d_model=16, heads=2, layers=2, d_ff=32, max_len=24, dropout=0.0)


def reference_relative_logits(q: torch.Tensor, rel: torch.Tensor) -> torch.Tensor:
    """S_rel[i, j] = q_i · E[max_len - 1 - (i - j)] for j ≤ i, by loops (no skew)."""
    b, h, length, _ = q.shape
    out = torch.zeros(b, h, length, length, dtype=q.dtype)
    for i in range(length):
        for j in range(i + 1):
            out[:, :, i, j] = (q[:, :, i] * rel[rel.shape[0] - 1 - (i - j)]).sum(-1)
    return out


def test_skew_gives_the_relative_logits_of_the_reference():
    torch.manual_seed(0)
    length, d = 7, 4
    q = torch.randn(2, 3, length, d, dtype=torch.float64)
    rel = torch.randn(10, d, dtype=torch.float64)
    fast = skew(q @ rel[10 - length :].T)
    slow = reference_relative_logits(q, rel)
    mask = torch.tril(torch.ones(length, length, dtype=torch.bool))
    assert torch.allclose(fast[..., mask], slow[..., mask])


def test_attention_layer_equals_a_plain_implementation():
    torch.manual_seed(1)
    layer = RelativeAttention(TINY).double()
    x = torch.randn(2, 9, TINY.d_model, dtype=torch.float64)
    got = layer(x)
    b, length, _ = x.shape
    q, k, v = (t.view(b, length, layer.heads, layer.d_head).transpose(1, 2) for t in layer.qkv(x).chunk(3, dim=-1))
    logits = q @ k.transpose(-1, -2) + reference_relative_logits(q, layer.rel[TINY.max_len - length:])
    logits = logits.masked_fill(~torch.tril(torch.ones(length, length, dtype=torch.bool)), float("-inf"))
    want = layer.out((torch.softmax(logits / layer.d_head ** 0.5, -1) @ v).transpose(1, 2).reshape(b, length, -1))
    assert torch.allclose(got, want, atol=1e-10)


def test_a_training_step_lowers_the_loss_on_a_tiny_batch():
    torch.manual_seed(2)
    model = MusicTransformer(TINY)
    batch = torch.randint(0, TINY.vocab, (4, 20))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    before = model.loss(batch).item()
    for _ in range(30):
        optimizer.zero_grad()
        model.loss(batch).backward()
        optimizer.step()
    assert model.loss(batch).item() < 0.7 * before


def test_sampling_with_and_without_the_cache_gives_the_same_events():
    torch.manual_seed(3)
    model = MusicTransformer(TINY).double()
    prime = [1, 2, 3, 4, 5]
    cached = model.generate(prime, 15, temperature=1.0, top_p=0.9, seed=7, use_cache=True)
    plain = model.generate(prime, 15, temperature=1.0, top_p=0.9, seed=7, use_cache=False)
    assert cached == plain and len(cached) == 15
    assert model.generate(prime, 15, seed=8) != cached  # the seed matters

    class NoFourStopAfter:
        def __init__(self, n):
            self.left = n

        def shape(self, logits):
            logits[4] = float("-inf")

        def took(self, token):
            self.left -= 1
            return self.left == 0

    assert 4 not in model.generate(prime, 60, seed=9, guide=NoFourStopAfter(1000))
    assert len(model.generate(prime, 60, seed=9, guide=NoFourStopAfter(5))) == 5
