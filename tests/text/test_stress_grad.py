"""The stress model must not leave autograd off for the rest of the process."""

import torch

from digitales.text.stress import add_stress


def test_stressing_russian_leaves_autograd_as_it_was():
    assert torch.is_grad_enabled()
    add_stress("Жила-была в лесу лисичка")
    assert torch.is_grad_enabled()
    x = torch.ones(2, requires_grad=True)
    (x * 3).sum().backward()  # the music model's training step needs this
    assert x.grad is not None
