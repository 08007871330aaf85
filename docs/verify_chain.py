#!/usr/bin/env python3
"""Independent re-implementation of AuditDashboard's chain verification (docs/integrity.md), for SQLite stores.

Usage: python3 docs/verify_chain.py data/audit.db
Exit 0 when intact, 1 at the first broken seq, 2 when the file cannot be read as a store. Standard library only;
reads the file, never writes it. A hostile file gets a verdict, never a crash: every value's stored type is checked
against the schema (SQLite keeps whatever type a value was written with), and anything that cannot be
canonicalized is a modification at its seq.
"""
import hashlib, json, sqlite3, sys

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
    prev, expected = bytes(32), 1
    for r in db.execute("SELECT * FROM access_events ORDER BY seq"):
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
    print("INTACT: %d events; chain head seq %d %s" % (last, last, prev.hex()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
