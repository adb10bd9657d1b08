"""Write a new claim file from the annotated template (make new-claim).

Usage: python scripts/new_claim.py [--claim TEXT] [--topic TOPIC] [--id ID] [--root CATALOG_ROOT]
Asks for the claim and the topic when they are not given. The id (the file name and permanent
URL) is derived from the claim's words unless --id is given; an id that a claim uses, that a
claim lists as an old id (aliases), or that was ever published (permalinks.txt) is refused.
The file gets the claim, the topic and today's date; every other required field stays empty,
so that `make validate` lists exactly what is left to write. The claim's address is added to
permalinks.txt at once.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

from .contract import CLAIM_FIELDS
from .loader import load_bytes
from .permalinks import published_claim_ids, read_registry, write_registry
from .pipeline import CLAIMS_DIR, RESERVED_IDS, TOPICS_DIR
from .project import ROOT
from .site import claim_path, embed_path
from .values import SLUG

TEMPLATE = ROOT / "templates" / "claim.yaml"
MAX_WORDS = 6
MAX_LENGTH = 60
CLAIM_LIMIT = next(f.max_length for f in CLAIM_FIELDS if f.name == "claim")
STOP_WORDS = set("""
a an the and or but nor so if as of in on at to for from by with into onto about over under than
is are was were be been being am do does did has have had having will would shall should can could
may might must it its it's this that these those there their they them he she his her we our you
your i me my just very really also only every each all any some such which who whom whose what
""".split())


class Refused(Exception):
    """A reason not to write the file, said so that the contributor knows what to do instead."""


def derive_id(text: str) -> str:
    """Lowercase ASCII kebab-case from the claim's words, stop words dropped, at most six words."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"['\u2019]s\b", "", ascii_text).replace("'", "")
    words = [w for w in re.split(r"[^a-z0-9]+", ascii_text) if w and w not in STOP_WORDS]
    chosen: list[str] = []
    for word in words[:MAX_WORDS]:
        if len("-".join(chosen + [word])) > MAX_LENGTH:
            break
        chosen.append(word)
    return "-".join(chosen)


def taken_ids(root: Path) -> dict[str, str]:
    """Every id a new claim cannot have, with the reason and what to do instead."""
    taken = {name: "is reserved for a list page" for name in RESERVED_IDS}
    taken.update({claim_id: "was published before (permalinks.txt), and published addresses are never reused"
                  for claim_id in published_claim_ids(root)})
    for path in sorted((root / CLAIMS_DIR).glob("*.yaml")):
        loaded = load_bytes(path.name, path.read_bytes())
        aliases = loaded.root.value.get("aliases") if loaded.root is not None else None
        if aliases is not None and aliases.value.is_sequence:
            for item in aliases.value.value:
                if item.is_scalar and item.value:
                    taken[item.value.strip()] = (f"is an old id of claims/{path.name} and redirects there; "
                                                 f"if it is the same claim, edit claims/{path.name} instead")
        taken[path.stem] = f"is already used by claims/{path.name}; if it is the same claim, edit that file instead"
    return taken


def topic_ids(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / TOPICS_DIR).glob("*.md") if p.stem not in RESERVED_IDS)


def check_claim(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise Refused("the claim is empty; give the claim as people say it")
    if len(text) > CLAIM_LIMIT:
        raise Refused(f"the claim has {len(text)} characters; the limit is {CLAIM_LIMIT}: give its core and explain the rest later")
    return text


def check_id(claim_id: str, root: Path, derived: bool) -> str:
    if not claim_id:
        raise Refused("no id can be made from the claim's words (they need Latin letters or digits); "
                      "choose one with --id (make new-claim ... ID=some-words)")
    if not SLUG.match(claim_id):
        raise Refused(f"'{claim_id}' is not a valid id; use lowercase ASCII letters, digits and single hyphens, e.g. jaywalking-lowers-score")
    reason = taken_ids(root).get(claim_id)
    if reason:
        hint = "choose another with --id (make new-claim ... ID=other-words)" if derived else "choose another id"
        raise Refused(f"the id '{claim_id}' {reason}. To add a new claim, {hint}.")
    return claim_id


def check_topic(topic: str, root: Path) -> str:
    known = topic_ids(root)
    if topic.strip() not in known:
        raise Refused(f"'{topic}' is not a topic; the topics are: {', '.join(known) or 'none yet'} (the pages in {TOPICS_DIR}/)")
    return topic.strip()


def render(template: str, claim: str, topic: str, today: date) -> str:
    """The template with its "# Template:" notes dropped and the known values filled in."""
    fills = {"claim": json.dumps(claim, ensure_ascii=False), "topic": topic,
             "first_published": today.isoformat(), "last_reviewed": today.isoformat()}
    lines = []
    for line in template.splitlines():
        if line.startswith("# Template:"):
            continue
        key = line[:-1] if line.endswith(":") else None
        lines.append(f"{line} {fills[key]}" if key in fills else line)
    return "\n".join(lines) + "\n"


def ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        raise Refused("no answer given; pass the value as a flag instead (see --help)") from None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write claims/<id>.yaml from templates/claim.yaml.")
    parser.add_argument("--claim", help="the claim as people say it, in quotation marks")
    parser.add_argument("--topic", help="the id of a topic page in docs/topics/, e.g. scope")
    parser.add_argument("--id", dest="claim_id", help="the file name without .yaml; derived from the claim when omitted")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root
    try:
        claim = check_claim(args.claim if args.claim is not None else ask("The claim, as people say it: "))
        topic = args.topic if args.topic is not None else ask(f"Its topic ({', '.join(topic_ids(root))}): ")
        topic = check_topic(topic, root)
        claim_id = check_id(args.claim_id if args.claim_id is not None else derive_id(claim), root, args.claim_id is None)
    except Refused as refusal:
        print(f"new-claim: {refusal}", file=sys.stderr)
        return 1
    path = root / CLAIMS_DIR / f"{claim_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(TEMPLATE.read_text(encoding="utf-8"), claim, topic, date.today()), encoding="utf-8")
    write_registry(root, set(read_registry(root)) | {f"/{claim_path(claim_id)}", f"/{embed_path(claim_id)}"})
    print(f"wrote {CLAIMS_DIR}/{claim_id}.yaml and registered /{claim_path(claim_id)} in permalinks.txt\n"
          "Next: fill in its empty fields (the comment above each says what to write), run `make validate` "
          f"until it says ok, then `make serve` and open http://127.0.0.1:8000/claims/{claim_id}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
