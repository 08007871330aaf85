#!/usr/bin/env python3
"""Independent re-implementation of AuditDashboard's chain verification (docs/integrity.md), for SQLite stores.

Usage: python3 docs/verify_chain.py data/audit.db   (from the retention boundary when months have left: docs/retention.md)
       python3 docs/verify_chain.py --bundle REPORT-evidence.zip --key VERIFIER_KEY
Exit 0 when intact, 1 at the first broken seq, 2 when the file cannot be read as a store. Standard library only;
reads the file, never writes it. With --bundle it checks a report's evidence bundle offline (no database): the
checkpoint's Ed25519 signature (C2SP signed note) and each sampled event's C2SP tlog-proof (RFC 9162 inclusion). A hostile file gets a verdict, never a crash: every value's stored type is checked
against the schema (SQLite keeps whatever type a value was written with), and anything that cannot be
canonicalized is a modification at its seq.
"""
import base64, csv, hashlib, io, json, sqlite3, sys, zipfile

EPOCH_TICKS = 621355968000000000  # .NET ticks (100 ns) at 1970-01-01T00:00:00Z


def ts(ticks):
    seconds, frac = divmod(ticks - EPOCH_TICKS, 10_000_000)
    import datetime
    d = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=seconds)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + ".%07dZ" % frac


def q(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"': out.append('\\"')
        elif ch == '\\': out.append('\\\\')
        elif ch == '\b': out.append('\\b')
        elif ch == '\t': out.append('\\t')
        elif ch == '\n': out.append('\\n')
        elif ch == '\f': out.append('\\f')
        elif ch == '\r': out.append('\\r')
        elif o < 0x20: out.append('\\u%04x' % o)
        else: out.append(ch)
    out.append('"')
    return ''.join(out)


STRINGS_1 = ["event_id", "timestamp", "event_type", "outcome", "reason", "source", "user_id", "username", "client_id",
             "session_id", "correlation_id", "trace_id", "token_id", "token_type", "parent_token_id", "grant_type", "scope"]
STRINGS_2 = ["issuer", "audience", "endpoint", "http_method"]
STRINGS_3 = ["resource", "ip", "user_agent"]


def canonical(r):
    parts = ['"seq":%d' % r["seq"], '"received_at":' + q(ts(r["received_at"]))]
    for name in STRINGS_1:
        v = ts(r[name]) if name == "timestamp" else r[name]
        if v is not None: parts.append(q(name) + ":" + q(v))
    if r["roles"] is not None:
        parts.append('"roles":[' + ",".join(q(x) for x in json.loads(r["roles"])) + "]")
    for name in STRINGS_2:
        if r[name] is not None: parts.append(q(name) + ":" + q(r[name]))
    if r["http_status"] is not None: parts.append('"http_status":%d' % r["http_status"])
    for name in STRINGS_3:
        if r[name] is not None: parts.append(q(name) + ":" + q(r[name]))
    geo = []
    if r["geo_country"] is not None: geo.append('"country":' + q(r["geo_country"]))
    if r["geo_city"] is not None: geo.append('"city":' + q(r["geo_city"]))
    if r["geo_lat"] is not None: geo.append('"lat":%.6f' % r["geo_lat"])
    if r["geo_lon"] is not None: geo.append('"lon":%.6f' % r["geo_lon"])
    if r["geo_asn"] is not None: geo.append('"asn":%d' % r["geo_asn"])
    if geo: parts.append('"geo":{' + ",".join(geo) + "}")
    if r["attributes"] is not None: parts.append('"attributes":' + q(r["attributes"]))
    return ("{" + ",".join(parts) + "}").encode("utf-8")


# The type each column is stored with (Python's sqlite3 returns int, float, str, bytes or None by storage class).
TYPES = {"seq": (int,), "received_at": (int,), "timestamp": (int,), "prev_hash": (bytes,), "hash": (bytes,),
         "event_id": (str,), "event_type": (str,), "outcome": (str,), "source": (str,),
         "http_status": (int, type(None)), "geo_asn": (int, type(None)), "geo_lat": (float, type(None)), "geo_lon": (float, type(None))}
NAMES = {int: "integer", float: "real", str: "text", bytes: "blob", type(None): "null"}


def misstored(r):
    for name in r.keys():
        allowed = TYPES.get(name, (str, type(None)))
        if not isinstance(r[name], allowed) or (isinstance(r[name], bool)):
            return "%s is stored as %s, not as %s" % (name, NAMES.get(type(r[name]), type(r[name]).__name__), "/".join(NAMES[t] for t in allowed))
    return None


def main(path):
    try:
        return verify(path)
    except sqlite3.Error as e:
        print("UNREADABLE: %s is not a readable AuditDashboard store (%s)" % (path, e)); return 2
    except (TypeError, ValueError, OverflowError, UnicodeError) as e:
        print("TAMPERED: a stored value cannot be read as the schema says (%s)" % e); return 1


def verify(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    db.row_factory = sqlite3.Row
    db.execute("BEGIN")  # one snapshot for events and heads
    heads = {row["last_seq"]: bytes(row["hash"]) for row in db.execute("SELECT last_seq, hash FROM chain_heads")}
    prev, expected, boundary = bytes(32), 1, None
    # After a retention purge the chain starts at the last boundary: the first kept event links to its recorded hash.
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'retention_boundaries'").fetchone():
        boundary = db.execute("SELECT last_seq, last_hash, month, archive, checkpoint_size FROM retention_boundaries ORDER BY last_seq DESC LIMIT 1").fetchone()
        if boundary is not None:
            prev, expected = bytes(boundary["last_hash"]), boundary["last_seq"] + 1
    first = expected
    for r in db.execute("SELECT * FROM access_events WHERE seq >= ? ORDER BY seq", (first,)):
        problem = misstored(r)
        if problem is not None:
            print("TAMPERED at seq %s: modified: %s" % (r["seq"], problem)); return 1
        if r["seq"] != expected:
            print("TAMPERED at seq %d: seq %d..%d missing" % (expected, expected, r["seq"] - 1)); return 1
        if bytes(r["prev_hash"]) != prev:
            print("TAMPERED at seq %d: prev_hash does not match seq %d" % (r["seq"], r["seq"] - 1)); return 1
        try:
            h = hashlib.sha256(prev + canonical(r)).digest()
        except (ValueError, TypeError, OverflowError, UnicodeError) as e:
            print("TAMPERED at seq %d: modified: a value cannot be canonicalized (%s)" % (r["seq"], e)); return 1
        if h != bytes(r["hash"]):
            print("TAMPERED at seq %d: content does not match its hash" % r["seq"]); return 1
        if r["seq"] in heads and heads[r["seq"]] != h:
            print("TAMPERED at seq %d: differs from the recorded chain head" % r["seq"]); return 1
        prev, expected = h, expected + 1
    last = expected - 1
    recorded = max(heads) if heads else 0
    if last != recorded:
        print("TAMPERED at seq %d: chain ends at %d, recorded heads end at %d" % (min(last, recorded) + 1, last, recorded)); return 1
    if boundary is not None:
        print("INTACT: %d events from the retention boundary (seq 1 to %d left the store, the last of them %s, archived in %s under the "
              "publish directory; check it with docs/verify_archive.py); chain head seq %d %s"
              % (last - first + 1, first - 1, boundary["month"], boundary["archive"], last, prev.hex()))
        return 0
    print("INTACT: %d events; chain head seq %d %s" % (last, last, prev.hex()))
    return 0


# --- Ed25519 verification (RFC 8032 section 5.1.7), so the bundle check needs nothing beyond the standard library.
P = 2 ** 255 - 19
L = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    return P - x if (x & 1) != sign else x


def _add(p, q):
    a, b = (p[1] - p[0]) * (q[1] - q[0]) % P, (p[1] + p[0]) * (q[1] + q[0]) % P
    c, d = 2 * p[3] * q[3] * D % P, 2 * p[2] * q[2] % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _mul(s, p):
    q = (0, 1, 1, 0)
    while s:
        if s & 1:
            q = _add(q, p)
        p, s = _add(p, p), s >> 1
    return q


def _point(b):
    y = int.from_bytes(b, "little")
    x = _x(y & ((1 << 255) - 1), y >> 255)
    return None if x is None else (x, y & ((1 << 255) - 1), 1, x * (y & ((1 << 255) - 1)) % P)


_GY = 4 * pow(5, P - 2, P) % P
_G = (_x(_GY, 0), _GY, 1, _x(_GY, 0) * _GY % P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a, r, s = _point(public), _point(signature[:32]), int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    left, right = _mul(s, _G), _add(r, _mul(h, a))
    return (left[0] * right[2] - right[0] * left[2]) % P == 0 and (left[1] * right[2] - right[1] * left[2]) % P == 0


# --- C2SP signed notes, checkpoints and tlog-proofs.
def parse_key(text):
    name, key_id, material = text.strip().split("+", 2)
    raw = base64.b64decode(material, validate=True)
    if len(raw) != 33 or raw[0] != 1:
        raise ValueError("the verifier key is not an Ed25519 note key")
    if hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() != key_id.lower():
        raise ValueError("the verifier key's ID does not match its name and key")
    return name, bytes.fromhex(key_id), raw[1:]


def open_checkpoint(note, key):
    """(size, root) of a checkpoint note signed by key, or raises ValueError naming the problem."""
    name, key_id, public = key
    split = note.rfind("\n\n")
    if split < 0:
        raise ValueError("not a signed note")
    text, signed = note[:split + 1], False
    for line in note[split + 2:].splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[0] == "\u2014" and parts[1] == name:
            blob = base64.b64decode(parts[2])
            signed = signed or (blob[:4] == key_id and ed25519_verify(public, text.encode(), blob[4:]))
    if not signed:
        raise ValueError("the checkpoint is not signed by %s" % name)
    lines = text.split("\n")
    if lines[0] != name:
        raise ValueError("the checkpoint is of %s, not %s" % (lines[0], name))
    return int(lines[1]), base64.b64decode(lines[2], validate=True)


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def included(index, size, leaf, proof, root):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_bundle(path, key):
    with zipfile.ZipFile(path) as z:
        if len(z.infolist()) > 20064:
            raise ValueError("more entries than a report writes")
        files = {}
        for info in z.infolist():
            with z.open(info) as f:
                content = f.read(8 * 1024 * 1024 + 1)
            if len(content) > 8 * 1024 * 1024:
                raise ValueError("%s is larger than a report writes" % info.filename)
            files[info.filename] = content
    if "log/checkpoint" not in files:
        print("NOT VERIFIED: the bundle has no log/checkpoint"); return 1
    size, root = open_checkpoint(files["log/checkpoint"].decode(), key)
    problems, proven = [], set()
    for name in sorted(n for n in files if n.startswith("proofs/") and n.endswith(".tlog-proof")):
        data = files.get(name[:-len(".tlog-proof")] + ".json")
        text = files[name].decode()
        head, _, note = text.partition("\n\n")
        lines = head.split("\n")
        try:
            if data is None or lines[0] != "c2sp.org/tlog-proof@v1" or not lines[1].startswith("index "):
                raise ValueError("not a tlog-proof with its event beside it")
            index = int(lines[1][6:])
            if open_checkpoint(note, key) != (size, root):
                raise ValueError("proves against another checkpoint than the bundle's")
            if json.loads(data).get("seq") != index + 1:
                raise ValueError("the event's seq is not %d" % (index + 1))
            if not included(index, size, hashlib.sha256(b"\x00" + data).digest(), [base64.b64decode(h, validate=True) for h in lines[2:]], root):
                raise ValueError("the event is not in the checkpoint's tree at index %d" % index)
            proven.add(index + 1)
        except (ValueError, KeyError) as e:
            problems.append("%s: %s" % (name, e))
    if "samples.csv" in files:
        for row in csv.DictReader(io.StringIO(files["samples.csv"].decode())):
            if int(row["seq"]) not in proven:
                problems.append("samples.csv lists seq %s, which has no valid proof" % row["seq"])
    if problems or not proven:
        print("NOT VERIFIED: %d problem(s)" % len(problems))
        for p in problems[:50]:
            print("  " + p)
        return 1
    print("VERIFIED: %d sampled event(s) are in the checkpoint of %d events (root %s), signed by %s" % (len(proven), size, base64.b64encode(root).decode(), key[0]))
    return 0


def main_bundle(path, key_text):
    try:
        key = parse_key(open(key_text).read() if key_text.endswith(".txt") else key_text)
    except (OSError, ValueError) as e:
        print("UNUSABLE KEY: %s" % e); return 2
    try:
        return verify_bundle(path, key)
    except (OSError, zipfile.BadZipFile, UnicodeError) as e:
        print("UNREADABLE: %s (%s)" % (path, e)); return 2
    except ValueError as e:
        print("NOT VERIFIED: %s" % e); return 1


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--bundle" and sys.argv[3] == "--key":
        sys.exit(main_bundle(sys.argv[2], sys.argv[4]))
    if len(sys.argv) != 2:
        print(__doc__); sys.exit(2)
    sys.exit(main(sys.argv[1]))
