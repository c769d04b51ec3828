"""The frame stage as configured, loaded once for the frame tests (the rule base, spaCy's vocab)."""

import pytest

from gofteman.stages.frames import Frames


@pytest.fixture(scope="session")
def frames() -> Frames:
    return Frames.from_config()
