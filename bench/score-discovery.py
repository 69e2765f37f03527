#!/usr/bin/env python3
"""Scores `warden discover --json` and `nmap -sV -oX` against the lab's manifest (the ground truth).

Per profile: how many devices Warden named with the right vendor, model, kind and firmware, how many it named with a
WRONG vendor (must be 0), and per TCP service what nmap -sV named (service, product, version).
Prints a Markdown table and a summary line; exits 1 if the file cannot be read.

    bench/score-discovery.py MANIFEST.json WARDEN.jsonl NMAP.xml
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

UNCOVERED = {"linux-host"}  # a plain Linux box: no camera fingerprint is meant to name it


def norm(s):
    return re.sub(r"[^a-z0-9]", "", (s or "").lower())


def same(a, b):
    return bool(a) and norm(a) == norm(b)


def load_warden(path):
    out = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[d["ip"]] = d
    return out


def load_nmap(path):
    """address -> port -> (name, product, version, extrainfo, method) for every open TCP port; method "probed" means
    nmap recognised the answer, "table" that it only guessed the service from the port number."""
    out = defaultdict(dict)
    for host in ET.parse(path).getroot().iter("host"):
        addr = host.find("address").get("addr")
        for p in host.iter("port"):
            state = p.find("state")
            if p.get("protocol") != "tcp" or state is None or state.get("state") != "open":
                continue
            s = p.find("service")
            get = (lambda k: s.get(k) if s is not None else None)
            out[addr][int(p.get("portid"))] = (get("name"), get("product"), get("version"), get("extrainfo"), get("method"))
    return out


def pct(n, d):
    return f"{n}/{d} ({100.0 * n / d:.0f}%)" if d else "–"


def main(manifest_path, warden_path, nmap_path):
    devices = json.load(open(manifest_path))["devices"]
    warden = load_warden(warden_path)
    nmap = load_nmap(nmap_path)
    rows = defaultdict(Counter)
    products = defaultdict(Counter)
    misses = []
    for d in devices:
        r = rows[d["profile"]]
        w = warden.get(d["address"]) or {}
        r["devices"] += 1
        r["vendor"] += same(w.get("vendor"), d["vendor"])
        r["wrong"] += bool(w.get("vendor")) and not same(w.get("vendor"), d["vendor"])
        r["model"] += same(w.get("model"), d["model"])
        r["kind"] += w.get("kind") == d["kind"]
        r["fw_known"] += bool(w.get("firmware"))
        r["fw_right"] += same(w.get("firmware"), d["firmware"])
        if d["profile"] not in UNCOVERED and not (same(w.get("vendor"), d["vendor"]) and same(w.get("model"), d["model"])):
            misses.append(f'{d["address"]} {d["profile"]} behaviour={d.get("behaviour")}: warden said '
                          f'{w.get("vendor")!r} {w.get("model")!r}')
        seen = nmap.get(d["address"], {})
        vendor_named = False
        for p in (p for p in d["ports"] if p["transport"] == "tcp"):
            r["services"] += 1
            name, product, version, extra, method = seen.get(p["port"], (None,) * 5)
            r["nmap_open"] += p["port"] in seen
            r["nmap_probed"] += method == "probed"
            if product:
                r["nmap_product"] += 1
                products[d["profile"]][product + (f" {version}" if version else "")] += 1
            r["nmap_version"] += bool(version)
            vendor_named |= norm(d["vendor"]) in norm(" ".join(filter(None, (product, extra))))
        r["nmap_vendor"] += vendor_named

    print("| profile | devices | Warden vendor right | Warden model right | Warden kind right | Warden firmware known "
          "(right) | Warden wrong vendor | TCP services | nmap open | nmap recognised (not a port-table guess) | nmap product named | nmap version named "
          "| nmap named the vendor (devices) | products nmap named (services) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    total = Counter()
    covered = Counter()
    for profile in sorted(rows):
        r = rows[profile]
        total.update(r)
        if profile not in UNCOVERED:
            covered.update(r)
        named = ", ".join(f"{p} ×{n}" for p, n in products[profile].most_common()) or "—"
        print(f'| {profile}{" (not covered)" if profile in UNCOVERED else ""} | {r["devices"]} '
              f'| {pct(r["vendor"], r["devices"])} | {pct(r["model"], r["devices"])} | {pct(r["kind"], r["devices"])} '
              f'| {r["fw_known"]} ({r["fw_right"]}) | {r["wrong"]} | {r["services"]} | {r["nmap_open"]} | {r["nmap_probed"]} '
              f'| {pct(r["nmap_product"], r["services"])} | {r["nmap_version"]} | {r["nmap_vendor"]} | {named} |')
    t = total
    print(f'| **all** | {t["devices"]} | {pct(t["vendor"], t["devices"])} | {pct(t["model"], t["devices"])} '
          f'| {pct(t["kind"], t["devices"])} | {t["fw_known"]} ({t["fw_right"]}) | {t["wrong"]} | {t["services"]} '
          f'| {t["nmap_open"]} | {t["nmap_probed"]} | {pct(t["nmap_product"], t["services"])} | {t["nmap_version"]} | {t["nmap_vendor"]} | |')
    c = covered
    print()
    print(f'covered profiles (all but {", ".join(sorted(UNCOVERED))}): {c["devices"]} devices; Warden vendor right '
          f'{pct(c["vendor"], c["devices"])}, model right {pct(c["model"], c["devices"])}, wrong vendors {t["wrong"]}; '
          f'nmap named the vendor on {pct(c["nmap_vendor"], c["devices"])}')
    for m in misses:
        print("  miss:", m)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
