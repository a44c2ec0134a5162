"""Rule packs generated to a chosen width, to test durable-rules' matcher limit."""

from __future__ import annotations

from pathlib import Path


def wide_pack(folder: Path, provisions: int) -> Path:
    """A pack of `provisions` Korea floors, each comparing the count with a parameter of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        "pack: wide",
        "title: Wide",
        "authority: a test pack",
        "sources:",
        '  S1: {title: "test", url: "https://example.org", kind: commentary}',
        "vocabulary:",  # it replaces the bundled packs, so it declares the action it governs and its phrase
        "  actions:",
        "    reduce-korea-forces: {meaning: reduce United States forces in the Republic of Korea}",
        "  phrases:",
        "    - when: the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to {count}",
        "      meaning: A reduction.",
        "      example: the Secretary of Defense proposes to reduce United States forces in the Republic of Korea to 10",
        '      proposes: {kind: reduce-korea-forces, actor: Secretary of Defense, count: "{count}"}',
        "parameters:",
    ]
    for i in range(provisions):
        lines += [
            f"  - id: wide.floor-{i}",
            "    title: floor",
            "    unit: count",
            "    values:",
            f"      - {{since: 2000-01-01, value: {1000 + i}, status: verified, sources: [S1]}}",
        ]
    lines.append("provisions:")
    for i in range(provisions):
        lines += [
            f"  - id: wide.p-{i}",
            f"    reference: W{i}",
            f"    citation: Wide Act sec. {i}",
            "    title: t",
            "    text: t",
            "    summary: s",
            "    status: reported",
            "    sources: [S1]",
            "    in_force: {since: 2000-01-01}",
            f"    parameters: [wide.floor-{i}]",
            "    applies_to:",
            "      actions: [reduce-korea-forces]",
            "      where:",
            f"        - count: {{lt: {{param: wide.floor-{i}}}}}",
            "    cure: [keep more]",
        ]
    (folder / "wide.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
