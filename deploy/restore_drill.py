"""`make restore-drill`: back up the fleet, restore into fresh stores, compare the API's answers.

1. Back up the running fleet (`make fleet`; started here and stopped after when none runs):
   `pg_dump --format=custom` of its database and a copy of every object of its media bucket.
2. Restore into a fresh database (`pg_restore`) and a fresh object store (a second
   moto_server), as docs/operations.md describes for a real restore.
3. Serve the restored copy with one more app instance and ask both the same fixed partner
   queries: every answer must be the same (SHA-256 of the body, object store address aside),
   and every image the restored answers link to must load from the restored store.

Writes bench-results/restore-drill-<time>.json; exits 1 on any difference.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fleet import BASE_DIR, BIN, BUCKET, STATE_DIR, Fleet, Ports, say, wait_for

LOCALES = ("en", "sl", "sv")
LISTS = {
    "calls": "calls(locale: $locale, perPage: 100) { items { title slug locale deadline } "
    "pagination { total } }",
    "conferences": "conferences(locale: $locale, perPage: 100) { items { title slug } "
    "pagination { total } }",
    "projects": "projects(locale: $locale, perPage: 100) { items { title slug acronym } "
    "pagination { total } }",
    "news": "news(locale: $locale, perPage: 100) { items { title slug date galleryImages { "
    "image { alt rendition(preset: SMALL) { url width height } } } } pagination { total } }",
    "municipalities": "municipalities(locale: $locale, perPage: 100) { items { title slug "
    "logo { rendition(preset: LOGO) { url } } } pagination { total } }",
}
SEARCH = (
    'query S($locale: String) { search(query: "solidarity", locale: $locale) '
    "{ items { title } pagination { total } } }"
)


def queries() -> list[tuple[str, str, dict[str, Any]]]:
    """The fixed partner queries: every list in every language, and a search."""
    fixed = []
    for locale in LOCALES:
        for name, selection in LISTS.items():
            fixed.append(
                (
                    f"{name}:{locale}",
                    f"query Drill($locale: String) {{ {selection} }}",
                    {"locale": locale},
                )
            )
        fixed.append((f"search:{locale}", SEARCH, {"locale": locale}))
    return fixed


def ask(base: str, query: str, variables: dict[str, Any]) -> bytes:
    request = urllib.request.Request(  # noqa: S310 (loopback)
        base + "/graphql/",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.read()


def wait_for_quiet(fleet: Fleet, timeout: float = 300) -> None:
    """Wait until the worker has run every queued task (search index updates change answers)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = subprocess.run(  # noqa: S603
            ["psql", "-h", "127.0.0.1", "-p", str(fleet.ports.postgres), "-U", "postgres"]
            + [fleet.name, "-tAc", QUEUED],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if waiting == "0":
            return
        time.sleep(1)
    raise RuntimeError("The worker did not empty the task queue in time")


# A task left RUNNING by a worker that died under it (PostgreSQL went away) never finishes:
# only recent ones count.
QUEUED = (
    "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY' "
    "OR (status = 'RUNNING' AND started_at > now() - interval '2 minutes')"
)


def back_up(fleet: Fleet, folder: Path) -> dict[str, Any]:
    """pg_dump of the database and a copy of every object of the bucket (with its ACL)."""
    folder.mkdir(parents=True, exist_ok=True)
    dump = folder / "database.dump"
    started = time.monotonic()
    subprocess.run(  # noqa: S603
        ["pg_dump", "--format=custom", "-h", "127.0.0.1", "-p", str(fleet.ports.postgres)]
        + ["-U", "postgres", "-f", str(dump), fleet.name],
        check=True,
    )
    client = fleet.s3_client()
    objects = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            target = folder / "media" / item["Key"]
            target.parent.mkdir(parents=True, exist_ok=True)
            client.download_file(BUCKET, item["Key"], str(target))
            grants = client.get_object_acl(Bucket=BUCKET, Key=item["Key"])["Grants"]
            public = any(g["Grantee"].get("URI", "").endswith("/AllUsers") for g in grants)
            objects.append({"key": item["Key"], "public": public})
    (folder / "media.json").write_text(json.dumps(objects))
    return {
        "database_bytes": dump.stat().st_size,
        "objects": len(objects),
        "seconds": round(time.monotonic() - started, 1),
    }


def restore(fleet: Fleet, restored: Fleet, folder: Path) -> dict[str, Any]:
    """Into a fresh database on the same cluster and a fresh object store."""
    started = time.monotonic()
    subprocess.run(  # noqa: S603
        ["dropdb", "--if-exists", "-h", "127.0.0.1", "-p", str(fleet.ports.postgres)]
        + ["-U", "postgres", restored.name],
        check=True,
    )
    fleet.create_database(restored.name)
    subprocess.run(  # noqa: S603
        ["pg_restore", "--no-owner", "--exit-on-error", "-h", "127.0.0.1"]
        + ["-p", str(fleet.ports.postgres), "-U", "postgres", "-d", restored.name]
        + [str(folder / "database.dump")],
        check=True,
    )
    restored.start_s3()
    client = restored.s3_client()
    for item in json.loads((folder / "media.json").read_text()):
        client.upload_file(
            str(folder / "media" / item["key"]),
            BUCKET,
            item["key"],
            ExtraArgs={"ACL": "public-read" if item["public"] else "private"},
        )
    return {"seconds": round(time.monotonic() - started, 1)}


def compare(original: str, copy: str, fleet: Fleet, restored: Fleet) -> dict[str, Any]:
    results = {}
    different = []
    images = set()
    for name, query, variables in queries():
        first = ask(original, query, variables)
        second = ask(copy, query, variables).replace(
            restored.s3_url.encode(), fleet.s3_url.encode()
        )
        data = json.loads(first)
        if "errors" in data:
            raise RuntimeError(f"{name}: {data['errors']}")
        digest = hashlib.sha256(first).hexdigest()
        results[name] = {
            "sha256": digest,
            # Every query asks one list (search items have no slug to count).
            "items": len(next(iter(data["data"].values()))["items"]),
            "same": digest == hashlib.sha256(second).hexdigest(),
        }
        if not results[name]["same"]:
            different.append(name)
        images.update(re.findall(r'"url":\s*"([^"]+)"', second.decode()))
    # Every image the restored copy links to loads from the restored store.
    missing = []
    for url in sorted(images):
        restored_url = url.replace(fleet.s3_url, restored.s3_url)
        try:
            with urllib.request.urlopen(restored_url, timeout=10) as response:  # noqa: S310
                response.read()
        except OSError:
            missing.append(url)
    return {"queries": results, "different": different, "images": len(images), "missing": missing}


def drill(fleet: Fleet) -> int:
    folder = STATE_DIR / "drill"
    ports = Ports()
    ports.app1 = _free_port()
    ports.s3 = _free_port()
    ports.redis = fleet.ports.redis
    ports.postgres = fleet.ports.postgres
    restored = Fleet(ports, name=f"{fleet.name}_restored")
    say("Waiting for the worker to finish what is queued")
    wait_for_quiet(fleet)
    say(f"Backing up {fleet.database_url} and s3://{BUCKET} into {folder}")
    backup = back_up(fleet, folder)
    say(f"Restoring into {restored.database_url} and a fresh object store at {restored.s3_url}")
    try:
        timing = restore(fleet, restored, folder)
        env = restored.environment(REDIS_URL=f"redis://127.0.0.1:{ports.redis}/1")
        restored._spawn(
            "app1",
            [str(BIN / "gunicorn"), "cms.wsgi", "--bind", f"127.0.0.1:{ports.app1}", "-w", "1"],
            env=env,
        )
        wait_for(restored.app_url(1) + "/healthz")
        say("Asking both the same partner queries")
        report = compare(fleet.app_url(1), restored.app_url(1), fleet, restored)
    finally:
        for key in ("app1", "s3"):
            process = restored.processes.pop(key, None)
            if process is not None:
                process.terminate()
                process.wait(timeout=10)
    report.update({"backup": backup, "restore": timing})
    out = BASE_DIR / "bench-results" / f"restore-drill-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    for name, result in report["queries"].items():
        print(  # noqa: T201
            f"{name:22} {result['items']:4d} items  {result['sha256'][:16]}  "
            f"{'same' if result['same'] else 'DIFFERENT'}"
        )
    say(
        f"Backup: {backup['database_bytes']} bytes of database, {backup['objects']} objects "
        f"in {backup['seconds']} s; restore {timing['seconds']} s; {report['images']} images "
        f"checked, {len(report['missing'])} missing. Written to {out}"
    )
    ok = not report["different"] and not report["missing"]
    say("Restore drill passed" if ok else "Restore drill FAILED")
    return 0 if ok else 1


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    state = STATE_DIR / "state.json"
    if state.exists():
        saved = json.loads(state.read_text())
        fleet = Fleet(Ports(**saved["ports"]))
        say(f"Using the running fleet ({fleet.proxy_url})")
        return drill(fleet)
    say("No fleet is running: starting one for the drill")
    fleet = Fleet()
    with fleet.running():
        return drill(fleet)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
