"""``make publish REPO=user/name``: the dataset folder to the Hugging Face Hub.

Reads the token from ``HF_TOKEN`` or the huggingface_hub login and fails at once, uploading
nothing, without one or without network. ``--dry-run DIR`` writes exactly the folder that would
be uploaded.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from huggingface_hub import HfApi, get_token
from huggingface_hub.errors import HfHubHTTPError


class PublishError(RuntimeError):
    """Publishing cannot go ahead; the message says why."""


def upload_plan(folder: Path) -> list[Path]:
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    if not (folder / "README.md").exists() or not any(path.suffix == ".parquet" for path in files):
        raise PublishError(f"{folder} holds no dataset (README.md and Parquet files): run `make corpus` first")
    return files


def dry_run(folder: Path, target: Path) -> list[Path]:
    files = upload_plan(folder)
    if target.exists():
        shutil.rmtree(target)
    for path in files:
        destination = target / path.relative_to(folder)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
    return files


def publish(folder: Path, repo: str) -> str:
    upload_plan(folder)
    if "/" not in repo:
        raise PublishError(f"REPO must be user/name or org/name, got {repo!r}")
    token = os.environ.get("HF_TOKEN") or get_token()
    if not token:
        raise PublishError("no Hugging Face token: set HF_TOKEN or run `hf auth login`; nothing was uploaded")
    api = HfApi(token=token)
    try:
        api.create_repo(repo, repo_type="dataset", exist_ok=True)
        commit = api.upload_folder(folder_path=str(folder), repo_id=repo, repo_type="dataset",
                                   commit_message="Update gofteman corpus")
    except (HfHubHTTPError, OSError) as error:
        raise PublishError(f"could not upload to {repo}: {error}") from None
    except Exception as error:  # httpx/requests connection errors differ by huggingface_hub version
        raise PublishError(f"could not reach the Hugging Face Hub to upload {repo}: {error}") from None
    return str(commit)
