"""Write the committed OpenAPI document, docs/openapi.json: `python -m gateway.openapi` (no store or broker needed)."""
import json
import sys
from pathlib import Path

from gateway.app import make_api_app

PATH = Path(__file__).resolve().parents[1] / "docs" / "openapi.json"


def document():
    _, api = make_api_app()
    return api.spec.to_dict()


def render():
    return json.dumps(document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {PATH}", file=sys.stderr)
