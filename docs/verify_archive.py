#!/usr/bin/env python3
"""Offline check of a month that retention archived before it left the store (docs/retention.md).

Usage: python3 docs/verify_archive.py --archive PUBLISHED/archive/2026-05 --log PUBLISHED --key VERIFIER_KEY
With the standard library only and no database: the archive's checkpoint is signed by the key (a file ending in .txt
or the key itself); events.ndjson is the file the manifest names (SHA-256); every archived event links into the hash
chain from the manifest's prev_hash and matches its own hash; and each event's Merkle leaf is the leaf the published
tiles hold at its index, while all the tiles together give the checkpoint's signed root. Exit 0: verified;
1: not verified (the first problem is printed); 2: unreadable input or key.
"""
import hashlib, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from verify_chain import canonical, misstored, node, open_checkpoint, parse_key  # noqa: E402

MAX_LINE = 1 << 20  # the longest line the store writes (ArchiveJson.MaxLineBytes)
WIDTH = 256


def tile_path(level, index, width):
    digits = str(index)
    digits = digits.zfill((len(digits) + 2) // 3 * 3)
    groups = [digits[i:i + 3] for i in range(0, len(digits), 3)]
    path = "/".join(("x" + g) if i < len(groups) - 1 else g for i, g in enumerate(groups))
    return "tile/%d/%s%s" % (level, path, "" if width == WIDTH else ".p/%d" % width)


def leaves(log_dir, size):
    """Every leaf hash of the tree of `size`, in order, from the published level-0 tiles."""
    full, rest = divmod(size, WIDTH)
    for n in range(full + (1 if rest else 0)):
        width = WIDTH if n < full else rest
        name = tile_path(0, n, width)
        with open(os.path.join(log_dir, name), "rb") as f:
            data = f.read(width * 32 + 1)
        if len(data) != width * 32:
            raise ValueError("published tile %s holds %d bytes, not %d" % (name, len(data), width * 32))
        for i in range(width):
            yield data[i * 32:(i + 1) * 32]


def tree_root(hashes):
    """RFC 9162 MTH of a stream of leaf hashes in O(log n) memory: merge equal subtrees, then fold right to left."""
    stack = []
    for h in hashes:
        stack.append((1, h))
        while len(stack) > 1 and stack[-1][0] == stack[-2][0]:
            (n, right), (_, left) = stack.pop(), stack.pop()
            stack.append((2 * n, node(left, right)))
    if not stack:
        return hashlib.sha256(b"").digest()
    root = stack[-1][1]
    for _, left in reversed(stack[:-1]):
        root = node(left, root)
    return root


def archived(path):
    """The archive's events in file order, each as the row the store held."""
    with open(path, "rb") as f:
        while True:
            line = f.readline(MAX_LINE + 1)
            if not line:
                return
            if len(line) > MAX_LINE or not line.endswith(b"\n"):
                raise ValueError("%s has a line over %d bytes or without its newline" % (path, MAX_LINE))
            r = json.loads(line)
            for name in ("prev_hash", "hash"):
                r[name] = bytes.fromhex(r[name])
            for name in ("geo_lat", "geo_lon"):
                if isinstance(r.get(name), int) and not isinstance(r.get(name), bool):
                    r[name] = float(r[name])
            yield r


def verify(archive_dir, log_dir, key):
    manifest = json.load(open(os.path.join(archive_dir, "manifest.json")))
    size, root = open_checkpoint(open(os.path.join(archive_dir, "checkpoint")).read(), key)
    first, last = manifest["first_seq"], manifest["last_seq"]
    if size < last:
        raise ValueError("the checkpoint covers %d events, not the archive's last seq %d" % (size, last))
    events = os.path.join(archive_dir, "events.ndjson")
    sha = hashlib.sha256()
    with open(events, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            sha.update(block)
    if sha.hexdigest() != manifest["events_sha256"]:
        raise ValueError("events.ndjson is not the file the manifest names (SHA-256 differs)")

    prev, expected, rows = bytes.fromhex(manifest["prev_hash"]), first, archived(events)
    pending = next(rows, None)

    def checked_leaves():
        nonlocal prev, expected, pending
        for index, leaf in enumerate(leaves(log_dir, size)):
            if index + 1 == expected and pending is not None:
                r = pending
                problem = misstored(r)
                if r["seq"] != expected or problem:
                    raise ValueError("seq %d: expected in the archive, found %s" % (expected, problem or "seq %s" % r["seq"]))
                data = canonical(r)
                if r["prev_hash"] != prev or hashlib.sha256(prev + data).digest() != r["hash"]:
                    raise ValueError("seq %d does not link into the chain" % expected)
                if hashlib.sha256(b"\x00" + data).digest() != leaf:
                    raise ValueError("seq %d is not the leaf the published log holds at index %d" % (expected, index))
                prev, expected, pending = r["hash"], expected + 1, next(rows, None)
            yield leaf

    if tree_root(checked_leaves()) != root:
        raise ValueError("the published tiles do not give the checkpoint's root")
    if expected != last + 1 or pending is not None:
        raise ValueError("the archive holds seq %d to %d, not %d to %d as its manifest says" % (first, expected - 1, first, last))
    if prev.hex() != manifest["last_hash"]:
        raise ValueError("the chain hash at seq %d is not the manifest's last_hash" % last)
    print("VERIFIED: %s: seq %d to %d (%d events) link from %s to %s and are in the checkpoint of %d events (root %s), signed by %s"
          % (manifest["month"], first, last, last - first + 1, manifest["prev_hash"][:16], prev.hex()[:16], size, root.hex(), key[0]))
    return 0


def main(argv):
    if len(argv) != 7 or argv[1] != "--archive" or argv[3] != "--log" or argv[5] != "--key":
        print(__doc__)
        return 2
    try:
        key = parse_key(open(argv[6]).read() if argv[6].endswith(".txt") else argv[6])
    except (OSError, ValueError) as e:
        print("UNUSABLE KEY: %s" % e)
        return 2
    try:
        return verify(argv[2], argv[4], key)
    except (OSError, UnicodeError) as e:
        print("UNREADABLE: %s" % e)
        return 2
    except (ValueError, KeyError, TypeError) as e:
        print("NOT VERIFIED: %s" % e)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
