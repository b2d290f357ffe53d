#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate a large, valid Stem Cell Atlas dataset for build-aux/benchmark.

The document follows docs/data-format.md (schema version 1) and passes the
app's loader: its dataset_version is one more than the bundled data's, so the
app prefers it to the bundled copy, and it reuses the bundled sources, cell
sources, therapy types and guidance so every reference resolves. Countries,
products and milestones are made up, deterministically (the same arguments
give the same bytes), with short but realistic fields.

    benchmark-generate-data.py [--countries 200] [--products 100000]
                               [--milestones 50000] [--bundled FILE] OUTPUT
"""

import argparse
import json
import os
import random
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BUNDLED = os.path.join(HERE, "..", "resources", "data", "atlas.json")

PREFIXES = ["Cardio", "Neuro", "Osteo", "Hema", "Derma", "Retino", "Chondro",
            "Myo", "Hepato", "Pancrea", "Immuno", "Vasculo", "Pulmo", "Nephro",
            "Lympho", "Arthro", "Cortico", "Endo", "Fibro", "Glia"]
SUFFIXES = ["cel", "gen", "stem", "cyte", "graft", "plast", "derm", "fix",
            "lith", "nova"]
SPONSORS = ["Helix Bio", "Nordcell", "Aurora Regen", "Meridian", "Kestrel",
            "City Hospital", "Pacific Cell", "Orion", "Sunrise"]
INDICATIONS = ["Knee cartilage.", "Acute GvHD.", "Limb ischaemia.", "Heart failure.",
               "Spinal injury.", "LSCD.", "Leukaemia.", "Crohn's fistula.",
               "Parkinson's.", "Type 1 diabetes."]
MILESTONES = ["First trial approved", "Guideline published", "Clinic warning issued",
              "Product licence granted", "Research funding announced",
              "Registry opened", "Court ruling on clinics", "Law amended"]
STRENGTHS = ["Cord-blood banking", "Conditional approvals", "iPSC research",
             "Hospital exemption", "Strong clinic oversight", "Public funding",
             "Late-stage trials", "Fast-track pathway"]
STATUSES = ["approved", "conditional", "limited", "hospital-exemption", "withdrawn"]
AVAILABILITY = ["approved", "conditional", "hospital-exemption", "late-stage-trial",
                "early-trial", "none"]
TOPICS = ["embryo-research", "scnt", "funding-policy"]
SYLLABLES = ["ka", "lo", "mir", "ven", "sa", "tor", "el", "bri", "du", "na",
             "quel", "ris", "an", "go", "ste", "vi", "mon", "ta", "ze", "ur"]


def flag(country_id):
    return "".join(chr(0x1F1E6 + ord(c) - ord("a")) for c in country_id)


def date(rng, year_max):
    year = rng.randint(1990, year_max)
    if rng.random() < 0.5:
        return "%d-%02d" % (year, rng.randint(1, 12))
    return str(year)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--countries", type=int, default=200)
    parser.add_argument("--products", type=int, default=100000)
    parser.add_argument("--milestones", type=int, default=50000)
    parser.add_argument("--bundled", default=DEFAULT_BUNDLED)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with open(args.bundled, encoding="utf-8") as f:
        bundled = json.load(f)

    rng = random.Random(args.seed)
    generated = bundled["generated"]
    year_max = int(generated[:4])
    # The shortest ids keep the file near the size the issue asks for (~20 MB).
    source_ids = sorted((s["id"] for s in bundled["sources"]), key=len)[:20]
    cell_source_ids = [c["id"] for c in bundled["cell_sources"]]
    condition_ids = [c["id"] for c in bundled["conditions"]]

    # Two-letter ids; "eu" is the one region, and some countries belong to it.
    pairs = [a + b for a in string.ascii_lowercase for b in string.ascii_lowercase if a + b != "eu"]
    rng.shuffle(pairs)
    ids = ["eu"] + sorted(pairs[:args.countries - 1])

    countries = []
    products_by_country = {}
    n_countries = len(ids)
    for index, country_id in enumerate(ids):
        n_products = args.products // n_countries + (1 if index < args.products % n_countries else 0)
        n_milestones = args.milestones // n_countries + (1 if index < args.milestones % n_countries else 0)
        region = country_id == "eu"
        name = "European Union" if region else (
            "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + " " + country_id.upper())

        def entry(title, dated=False, summary=True):
            item = {"title": title}
            if dated:
                item["date"] = date(rng, year_max)
            if summary:
                item["summary"] = "Summary of %s in %s." % (title.lower(), name)
            item["sources"] = [rng.choice(source_ids)]
            return item

        products = []
        for k in range(n_products):
            stem = rng.choice(PREFIXES) + rng.choice(SUFFIXES)
            product = {
                "id": "%s-%d" % (country_id, k),
                "name": "%s %d" % (stem, k),
                "sponsor": rng.choice(SPONSORS),
                "cell_source": rng.choice(cell_source_ids),
                "origin": rng.choice(["autologous", "allogeneic"]),
                "indication": rng.choice(INDICATIONS),
            }
            # Optional fields on a few, as in real data.
            if k % 10 == 0:
                product["generic_name"] = stem.lower() + "-L%d" % k
            if k % 10 == 5:
                product["conditions"] = [rng.choice(condition_ids)]
            history = sorted((date(rng, year_max) for _ in range(1 if k % 4 else 2)),
                             key=lambda d: (d[:4], d[5:] or "00"))
            product["history"] = [{"status": rng.choice(STATUSES), "date": d} for d in history]
            product["sources"] = [rng.choice(source_ids)]
            products.append(product)
        products_by_country[country_id] = [p["id"] for p in products]

        country = {
            "id": country_id,
            "name": name,
            "flag": flag(country_id),
            "kind": "region" if region else "country",
            "summary": "%s regulates stem-cell research and therapies (generated for benchmarking)." % name,
            "strengths": rng.sample(STRENGTHS, 2),
            "reviewed": generated,
            "regulators": [entry("Medicines Agency of " + name)],
            "laws": [entry("Cell Therapy Act", dated=True)],
            "pathways": [entry("Conditional approval")],
            "institutions": [entry("National Stem Cell Institute", summary=False)],
            "funding": [],
            "protections": [entry("Patient protection rule", summary=False)],
            "milestones": [entry("%s %d" % (rng.choice(MILESTONES), m), dated=True, summary=m % 5 == 0)
                           for m in range(n_milestones)],
            "policies": [dict(entry("Research policy"), topic=rng.choice(TOPICS))],
            "products": products,
        }
        if not region and index % 5 == 0:
            country["member_of"] = ["eu"]
        if not products:
            country["no_products_note"] = "No stem-cell product is approved here."
        countries.append(country)

    conditions = []
    for condition in bundled["conditions"]:
        condition = dict(condition)
        statuses = []
        for country_id in rng.sample(ids, min(20, len(ids))):
            status = {"country": country_id, "status": rng.choice(AVAILABILITY),
                      "summary": "Status in %s." % country_id.upper(),
                      "sources": [rng.choice(source_ids)]}
            if products_by_country[country_id] and rng.random() < 0.5:
                status["products"] = [rng.choice(products_by_country[country_id])]
            statuses.append(status)
        condition["statuses"] = statuses
        conditions.append(condition)

    document = {
        "schema_version": 1,
        "dataset_version": bundled["dataset_version"] + 1,
        "generated": generated,
        "sources": bundled["sources"],
        "countries": countries,
        "cell_sources": bundled["cell_sources"],
        "therapy_types": bundled.get("therapy_types", []),
        "conditions": conditions,
        "guidance": bundled.get("guidance", []),
    }

    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, args.output)

    print("%s: %d bytes, %d countries, %d products, %d milestones, dataset_version %d"
          % (args.output, os.path.getsize(args.output), len(countries),
             sum(len(c["products"]) for c in countries),
             sum(len(c["milestones"]) for c in countries), document["dataset_version"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
