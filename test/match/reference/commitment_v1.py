# match-v1 §8.1 commitment, written from docs/spec/match-v1.md only (hashlib + json, no library code).
# Reads [{inspectors, experts, rules, entities?, salt?}, ...] as JSON on stdin; prints
# [{rules, inspectors, entities?}, ...] hex digests.
import hashlib, json, sys

def canon(x):
    return json.dumps(x, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

def sha(x):
    return hashlib.sha256(canon(x).encode("utf-8")).hexdigest()

def prefix(code):
    while len(code) > 2 and code.endswith("00"):
        code = code[:-2]
    return code

def rules_form(r):
    deps = r.get("departments")
    if deps is None:
        departments = None
    elif isinstance(deps, list):
        departments = [[d, 1] for d in sorted(set(deps))]
    else:
        departments = [[d, c] for d, c in sorted(deps.items())]
    initiator = r.get("initiator")
    if initiator is not None:
        # the initiating department takes part with at least one member; alone, it is the only department
        if departments is None:
            departments = [[initiator, 1]]
        elif initiator not in [d for d, _ in departments]:
            departments = sorted(departments + [[initiator, 1]])
    guaranteed = sum(c for _, c in departments) if departments else 0
    leader = r.get("leader", False)
    if leader is False or leader is None:
        leader = None
    elif leader is True:
        leader = {"department": None}
    else:
        leader = {"department": leader["department"]}
    pairs = sorted({(x["inspectorId"], x["entityId"]) for x in r.get("relationships", [])})
    form = {
        "teamSize": max(r.get("minCredentialed", 2), guaranteed),
        "departments": departments,
        "qualifications": sorted(set(r.get("qualifications", []))),
        "experts": r.get("experts", 0),
        "expertQualifications": sorted(set(r.get("expertQualifications", []))),
        "checkRegions": r.get("checkRegions", True),
        "avoidLastInspectors": r.get("avoidLastInspectors", False),
        "loadCap": r.get("loadCap"),
        "leader": leader,
        "relationships": [list(p) for p in pairs],
    }
    # present only when given, so rules without them keep their digests
    if initiator is not None:
        form["initiator"] = initiator
    if r.get("legalException") is not None:
        e = r["legalException"]
        form["legalException"] = {k: e[k] for k in ("basis", "citation", "decidedBy", "decidedAt", "note") if k in e}
    return form

def person_form(p, in_expert_pool):
    expert = in_expert_pool or p.get("expert", False) is True
    return {
        "id": p["id"],
        "name": p.get("name", ""),
        "department": p["department"].strip(),
        "credential": p.get("credential", True) is not False,
        "expert": expert,
        "pool": "expert" if expert else "counted",
        "qualifications": sorted(set(p.get("qualifications", []))),
        "regions": sorted(set(prefix(x) for x in p.get("regions", []))),
        "loadCap": p.get("loadCap"),
        "conflicts": sorted(set(c["entityId"] for c in p.get("conflicts", []))),
    }

def entities_form(entities, salt):
    rows = []
    for e in entities:
        insp = []
        for i in e.get("inspections", []):
            insp.append([i["date"], sorted(set(i.get("inspectorIds", [])))])
        insp.sort(key=lambda x: (x[0], canon(x)))
        rows.append({"id": e["id"], "regionCode": e.get("regionCode"), "inspections": insp})
    rows.sort(key=lambda x: x["id"])
    return {"salt": salt, "entities": rows}

out = []
for case in json.load(sys.stdin):
    people = [person_form(p, False) for p in case["inspectors"]] + [person_form(p, True) for p in case.get("experts", [])]
    people.sort(key=lambda q: (q["pool"] != "counted", q["id"]))
    row = {"rules": sha(rules_form(case.get("rules", {}))), "inspectors": sha(people)}
    if "entities" in case:
        row["entities"] = sha(entities_form(case["entities"], case["salt"]))
    out.append(row)
print(json.dumps(out))
