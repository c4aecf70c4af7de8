#!/usr/bin/env python3
"""A back end in another language validates a task against the JSON Schema shipped in double-random.

The schemas are in the npm package under schemas/ (Task.schema.json, Entity.schema.json, ...), generated
from the same zod models the TypeScript SDK uses, so a Java or Python service and the portal agree on
what a valid task is. Usage:

    python3 validate_task.py node_modules/double-random/schemas/Task.schema.json task.json

Exit 0 when the task is valid, 1 with one line per problem otherwise. Needs the `jsonschema` package
(Debian: python3-jsonschema); Java services can use any draft 2020-12 validator the same way.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main(schema_file: str, task_file: str) -> int:
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    with open(task_file, encoding="utf-8") as f:
        task = json.load(f)
    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(task), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        print(f"{where}: {e.message}")
    if not errors:
        print("valid")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
