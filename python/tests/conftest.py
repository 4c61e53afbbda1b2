import numpy as np
import pytest
import torch

torch.manual_seed(0)


def rel_err(got, expected) -> float:
    """max|got - expected| / max|expected|: the project's usual measure."""
    got = got.detach().numpy() if isinstance(got, torch.Tensor) else np.asarray(got)
    expected = expected.detach().numpy() if isinstance(expected, torch.Tensor) else np.asarray(expected)
    return float(np.abs(got - expected).max() / np.abs(expected).max())


@pytest.fixture(scope="session")
def resnet18():
    import torchvision

    return torchvision.models.resnet18().eval()


@pytest.fixture(scope="session")
def image():
    return torch.randn(1, 3, 224, 224)
