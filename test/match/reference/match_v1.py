"""Independent re-implementation of docs/spec/match-v1.md §2–§6 (matching and leaders), written from the
spec text only. Reads a JSON list of cases on stdin; writes, per case, the teams and the last counter, or
"infeasible". Python 3 standard library only.
"""
import hashlib
import json
import sys


def cp_key(s):
    # Unicode code point order: Python compares str by code point already.
    return s


class Stream:
    def __init__(self, seed):
        self.seed = seed
        self.counter = 0

    def draw(self, m):
        self.counter += 1
        h = hashlib.sha256(f"{self.seed},{self.counter}".encode("utf-8")).digest()
        return int.from_bytes(h, "big") % m


def shuffle(items, stream):
    out = list(items)
    for j in range(len(out), 1, -1):
        r = stream.draw(j)
        out[j - 1], out[r] = out[r], out[j - 1]
    return out


def prefix(code):
    while len(code) > 2 and code.endswith("00"):
        code = code[:-2]
    return code


def match(case, recusal=None):
    rec, rules = case["record"], case.get("rules", {})
    targets = [s["id"] for s in rec["selections"]]
    regions = case.get("regions", {})
    persons = []
    for i in case["inspectors"]:
        persons.append(dict(i, pool="expert" if i.get("expert") else "counted"))
    for i in case.get("experts", []):
        persons.append(dict(i, pool="expert"))
    persons.sort(key=lambda p: (0 if p["pool"] == "counted" else 1, cp_key(p["id"])))
    deps = rules.get("departments")
    if isinstance(deps, list):
        deps = {d: 1 for d in deps}
    initiator = rules.get("initiator")
    if initiator is not None:
        # §1: the initiating department takes part with at least one member
        deps = dict(deps or {})
        deps.setdefault(initiator, 1)
    dep_list = sorted((deps or {}).items())
    G = sum(c for _, c in dep_list)
    S = max(rules.get("minCredentialed", 2), G)
    # §3.1 the legal floor (行政处罚法 第42条): a count of 0 is refused; fewer than two counted members only under a
    # legal exception, and never none
    if any(c == 0 for _, c in dep_list) or S == 0 or (S < 2 and rules.get("legalException") is None):
        return "refused"
    spec = []
    for d, c in dep_list:
        spec += [("department", d)] * c
    spec += [("open", None)] * (S - G)
    spec += [("expert", None)] * rules.get("experts", 0)
    K = len(spec)
    rel = {(r["inspectorId"], r["entityId"]) for r in rules.get("relationships", [])}
    if recusal is not None:
        for e in recusal["log"] + [recusal["new"]]:
            rel.add((e["inspectorId"], e["targetId"]))
    default_cap = rules.get("loadCap")

    def cap(p):
        c = persons[p].get("loadCap", default_cap)
        return float("inf") if c is None else c

    def eligible(p, t):
        x, tid = persons[p], targets[t]
        if x["pool"] == "counted":
            if x.get("credential") is False:
                return False
            if deps is not None and x["department"] not in deps:
                return False
            need = rules.get("qualifications", [])
        else:
            need = rules.get("expertQualifications", [])
        if any(c["entityId"] == tid for c in x.get("conflicts", [])) or (x["id"], tid) in rel:
            return False
        if not all(q in x.get("qualifications", []) for q in need):
            return False
        rc = regions.get(tid)
        if rules.get("checkRegions", True) and x.get("regions") and rc is not None:
            if not any(rc.startswith(prefix(r)) for r in x["regions"]):
                return False
        return True

    def in_group(p, k):
        kind, d = spec[k]
        x = persons[p]
        if kind == "expert":
            return x["pool"] == "expert"
        if x["pool"] != "counted":
            return False
        if kind == "open":
            return deps is None or x["department"] in deps
        return x["department"] == d

    def fits(p, s):
        return in_group(p, s % K) and eligible(p, s // K)

    stream = Stream(rec["seed"] + "/inspectors")
    T, P = len(targets), len(persons)
    torder = shuffle(range(T), stream)
    counted = [p for p in range(P) if persons[p]["pool"] == "counted"]
    experts = [p for p in range(P) if persons[p]["pool"] == "expert"]
    rank = {}
    for pos, p in enumerate(shuffle(counted, stream)):
        rank[p] = pos
    ex = shuffle(experts, stream) if rules.get("experts", 0) > 0 else experts
    for pos, p in enumerate(ex):
        rank[p] = pos
    holder = [-1] * (T * K)
    load = [0] * P

    def at(p, t):
        for k in range(K):
            if holder[t * K + k] == p:
                return t * K + k
        return -1

    def search(s0):
        prev = {s0: None}
        queue = [s0]
        i = 0
        while i < len(queue):
            s = queue[i]
            i += 1
            t = s // K
            group = sorted((p for p in range(P) if in_group(p, s % K)), key=lambda p: rank[p])
            for p in group:
                if not eligible(p, t):
                    continue
                h = at(p, t)
                if h >= 0:
                    if h != s and h not in prev and spec[h % K] != spec[s % K]:
                        prev[h] = (s, p)
                        queue.append(h)
                    continue
                if load[p] < cap(p):
                    # apply
                    holder[s] = p
                    load[p] += 1
                    cur = s
                    while cur != s0:
                        to, q = prev[cur]
                        holder[to] = q
                        cur = to
                    return True
                for h in sorted(x for x in range(T * K) if holder[x] == p):
                    if h not in prev:
                        prev[h] = (s, p)
                        queue.append(h)
        return False

    if recusal is not None:
        return late(recusal, dict(locals(), search=lambda s0: search(s0)))
    vacant = []
    for t in torder:
        for k in range(K):
            s = t * K + k
            cands = [p for p in range(P) if fits(p, s) and load[p] < cap(p) and at(p, t) < 0]
            if cands:
                p = cands[stream.draw(len(cands))]
                holder[s] = p
                load[p] += 1
            else:
                vacant.append(s)

    failed = [s for s in vacant if not search(s)]
    if failed:
        return "infeasible"
    leaders = {}
    leader = rules.get("leader")
    if leader:
        ld = leader.get("department") if isinstance(leader, dict) else None
        for t in range(T):
            c = [holder[t * K + k] for k in range(K) if spec[k][0] != "expert" and holder[t * K + k] >= 0]
            c = sorted((p for p in c if ld is None or persons[p]["department"] == ld), key=lambda p: persons[p]["id"])
            if c:
                leaders[t] = persons[c[stream.draw(len(c))]]["id"]
    teams = []
    for t in range(T):
        team = {"targetId": targets[t], "ids": [persons[holder[t * K + k]]["id"] for k in range(K)]}
        if t in leaders:
            team["leaderId"] = leaders[t]
        teams.append(team)
    return {"teams": teams, "counter": stream.counter}


def late(recusal, env):
    """§8: a late recusal on a published matching; returns the log entry fields and the new teams."""
    K, T, spec, persons, holder, load = env["K"], env["T"], env["spec"], env["persons"], env["holder"], env["load"]
    targets, fits, cap, at, rules = env["targets"], env["fits"], env["cap"], env["at"], env["rules"]
    index = {x["id"]: i for i, x in enumerate(persons)}
    old_teams = recusal["teams"]
    for team in old_teams:
        t = targets.index(team["targetId"])
        for m in team["members"] + team["experts"]:
            p = index[m["id"]]
            for k in range(K):
                kind, d = spec[k]
                if holder[t * K + k] != -1 or kind != m["slot"]:
                    continue
                if kind == "department" and d != persons[p]["department"]:
                    continue
                holder[t * K + k] = p
                load[p] += 1
                break
    new = recusal["new"]
    t = targets.index(new["targetId"])
    s = at(index[new["inspectorId"]], t)
    holder[s] = -1
    load[index[new["inspectorId"]]] -= 1
    before = {m["id"] for m in old_teams[t]["members"] + old_teams[t]["experts"]}
    stream = Stream(env["rec"]["seed"] + "/inspectors")
    stream.counter = recusal["counter"]
    cands = [p for p in range(len(persons)) if fits(p, s) and load[p] < cap(p) and at(p, t) < 0]
    counter = None
    moves = []
    old_holder = list(holder)
    if cands:
        p = cands[stream.draw(len(cands))]
        holder[s] = p
        load[p] += 1
        counter = stream.counter
    else:
        if not env["search"](s):
            return "impossible"
        # moves: persons whose target set changed, from the old target to the new one
        for q in range(len(persons)):
            was = {x // K for x in range(T * K) if old_holder[x] == q}
            now = {x // K for x in range(T * K) if holder[x] == q}
            if was - now:
                moves.append((persons[q]["id"], sorted(was - now), sorted(now - was)))
    now_t = {persons[holder[t * K + k]]["id"] for k in range(K)}
    replacement = sorted(now_t - before)
    leaders = []
    leader = rules.get("leader")
    teams = []
    for u in range(T):
        lid = old_teams[u].get("leaderId")
        if leader:
            ld = leader.get("department") if isinstance(leader, dict) else None
            c = [holder[u * K + k] for k in range(K) if spec[k][0] != "expert" and holder[u * K + k] >= 0]
            c = sorted((p for p in c if ld is None or persons[p]["department"] == ld), key=lambda p: persons[p]["id"])
            if lid is None or index[lid] not in c:
                if c:
                    lid = persons[c[stream.draw(len(c))]]["id"]
                    leaders.append({"targetId": targets[u], "leaderId": lid})
        team = {"targetId": targets[u], "ids": [persons[holder[u * K + k]]["id"] for k in range(K)]}
        if lid is not None:
            team["leaderId"] = lid
        teams.append(team)
    return {
        "replacementId": replacement[0] if replacement else None,
        "counter": counter,
        "moved": sorted(m[0] for m in moves),
        "leaders": leaders,
        "teams": teams,
        "lastCounter": stream.counter,
    }


if __name__ == "__main__":
    print(json.dumps([match(c, c.get("recusal")) for c in json.load(sys.stdin)], ensure_ascii=False))
