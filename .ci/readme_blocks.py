"""Print the fenced code block that follows ``<!-- kim-cms:NAME -->`` in the README."""

import re
import sys

readme, name = sys.argv[1], sys.argv[2]
with open(readme, encoding="utf-8") as handle:
    text = handle.read()
match = re.search(
    rf"<!-- kim-cms:{re.escape(name)} -->\s*```[a-z]*\n(.*?)```", text, flags=re.S
)
if match is None:
    sys.exit(f"README has no block marked kim-cms:{name}")
print("\n" + match.group(1))
