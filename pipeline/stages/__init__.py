"""The stages of gofteman, in the one order they run in.

Adding a stage means writing its module and adding its class to ``STAGES``: nothing is
registered by importing.
"""

from gofteman.stages.base import Stage
from gofteman.stages.frames import Frames
from gofteman.stages.mwt import SplitMultiwordTokens
from gofteman.stages.ner import Ner
from gofteman.stages.normalize import Normalize
from gofteman.stages.speakers import Speakers
from gofteman.stages.tag import Tag
from gofteman.stages.tokenize import Tokenize
from gofteman.stages.write import Write

STAGES: tuple[type[Stage], ...] = (Normalize, Tokenize, SplitMultiwordTokens, Tag, Ner, Speakers, Frames, Write)
STAGE_NAMES: tuple[str, ...] = tuple(stage.name for stage in STAGES)

__all__ = ["STAGES", "STAGE_NAMES", "Stage"]
