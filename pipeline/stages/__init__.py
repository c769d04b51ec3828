"""The stages of gofteman, in the one order they run in.

Adding a stage means writing its module and adding its class to ``STAGES``: nothing is
registered by importing.
"""

from pipeline.stages.base import Stage
from pipeline.stages.frames import Frames
from pipeline.stages.mwt import SplitMultiwordTokens
from pipeline.stages.ner import Ner
from pipeline.stages.normalize import Normalize
from pipeline.stages.tag import Tag
from pipeline.stages.tokenize import Tokenize
from pipeline.stages.write import Write

STAGES: tuple[type[Stage], ...] = (Normalize, Tokenize, SplitMultiwordTokens, Tag, Ner, Frames, Write)
STAGE_NAMES: tuple[str, ...] = tuple(stage.name for stage in STAGES)

__all__ = ["STAGES", "STAGE_NAMES", "Stage"]
