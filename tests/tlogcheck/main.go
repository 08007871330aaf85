// tlogcheck checks AuditDashboard's Merkle log with the Go team's reference implementation
// (golang.org/x/mod/sumdb/tlog): the tiles against the tree's root, and inclusion and consistency proofs.
// Usage: tlogcheck FILE.json   (written by the integration tests)
//        tlogcheck log VKEY DIR   (a published log: its checkpoint's signature, and its tiles against the signed root)
//        tlogcheck proof VKEY FILE.tlog-proof FILE.json   (an event's proof: the checkpoint's signature and the inclusion)
// Prints "ok" and exits 0, or names the problem and exits 1.
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"

	"golang.org/x/mod/sumdb/tlog"
)

type input struct {
	Size        int64             `json:"size"`
	Root        string            `json:"root"`
	Tiles       map[string]string `json:"tiles"` // "level/index" → base64 of the concatenated hashes
	Inclusion   []inclusion       `json:"inclusion"`
	Consistency []consistency     `json:"consistency"`
}

type inclusion struct {
	Index int64    `json:"index"`
	Leaf  string   `json:"leaf"`
	Proof []string `json:"proof"`
}

type consistency struct {
	Old     int64    `json:"old"`
	OldRoot string   `json:"old_root"`
	Proof   []string `json:"proof"`
}

type tiles map[string][]byte

func (t tiles) Height() int { return 8 }

func (t tiles) ReadTiles(list []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(list))
	for i, tile := range list {
		data, ok := t[fmt.Sprintf("%d/%d", tile.L, tile.N)]
		if !ok || len(data) < tile.W*tlog.HashSize {
			return nil, fmt.Errorf("tile %d/%d with %d hashes is not in the log", tile.L, tile.N, tile.W)
		}
		out[i] = data[:tile.W*tlog.HashSize]
	}
	return out, nil
}

func (t tiles) SaveTiles([]tlog.Tile, [][]byte) {}

func hash(s string) tlog.Hash {
	var h tlog.Hash
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != tlog.HashSize {
		fail("not a hash: %q", s)
	}
	copy(h[:], b)
	return h
}

func hashes(list []string) []tlog.Hash {
	out := make([]tlog.Hash, len(list))
	for i, s := range list {
		out[i] = hash(s)
	}
	return out
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func main() {
	if len(os.Args) == 4 && os.Args[1] == "log" {
		checkLog(os.Args[2], os.Args[3])
		return
	}
	if len(os.Args) == 5 && os.Args[1] == "proof" {
		checkProof(os.Args[2], os.Args[3], os.Args[4])
		return
	}
	if len(os.Args) != 2 {
		fail("usage: tlogcheck FILE.json | tlogcheck log VKEY DIR | tlogcheck proof VKEY FILE.tlog-proof FILE.json")
	}
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fail("%v", err)
	}
	var in input
	if err := json.Unmarshal(raw, &in); err != nil {
		fail("%v", err)
	}
	store := tiles{}
	for key, data := range in.Tiles {
		b, err := base64.StdEncoding.DecodeString(data)
		if err != nil {
			fail("tile %s: %v", key, err)
		}
		store[key] = b
	}
	root := hash(in.Root)
	reader := tlog.TileHashReader(tlog.Tree{N: in.Size, Hash: root}, store)
	computed, err := tlog.TreeHash(in.Size, reader)
	if err != nil {
		fail("tree hash: %v", err)
	}
	if computed != root {
		fail("the tiles give root %v, not %v", computed, root)
	}
	for _, c := range in.Inclusion {
		proof := tlog.RecordProof(hashes(c.Proof))
		if err := tlog.CheckRecord(proof, in.Size, root, c.Index, hash(c.Leaf)); err != nil {
			fail("inclusion of %d: %v", c.Index, err)
		}
		reference, err := tlog.ProveRecord(in.Size, c.Index, reader)
		if err != nil || len(reference) != len(proof) {
			fail("inclusion of %d: the reference proof differs (%v)", c.Index, err)
		}
		for i := range proof {
			if proof[i] != reference[i] {
				fail("inclusion of %d: hash %d differs from the reference proof", c.Index, i)
			}
		}
	}
	for _, c := range in.Consistency {
		proof := tlog.TreeProof(hashes(c.Proof))
		if err := tlog.CheckTree(proof, in.Size, root, c.Old, hash(c.OldRoot)); err != nil {
			fail("consistency with %d: %v", c.Old, err)
		}
	}
	fmt.Println("ok")
}
