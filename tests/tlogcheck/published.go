package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// openCheckpoint verifies a C2SP checkpoint note with the Go team's note package and returns its size and root.
func openCheckpoint(vkey string, msg []byte) (string, int64, tlog.Hash) {
	verifier, err := note.NewVerifier(strings.TrimSpace(vkey))
	if err != nil {
		fail("verifier key: %v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		fail("checkpoint: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fail("checkpoint: fewer than three lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		fail("checkpoint size: %v", err)
	}
	return lines[0], size, hash(lines[2])
}

// dirTiles reads tiles from a C2SP tlog-tiles directory: tile/L/N[.p/W], without the sumdb height element.
type dirTiles string

func (d dirTiles) Height() int { return 8 }

func (d dirTiles) ReadTiles(list []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(list))
	for i, t := range list {
		rel := "tile/" + strings.TrimPrefix(t.Path(), "tile/8/")
		data, err := os.ReadFile(filepath.Join(string(d), filepath.FromSlash(rel)))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", rel, err)
		}
		if len(data) != t.W*tlog.HashSize {
			return nil, fmt.Errorf("%s holds %d bytes, not %d", rel, len(data), t.W*tlog.HashSize)
		}
		out[i] = data
	}
	return out, nil
}

func (d dirTiles) SaveTiles([]tlog.Tile, [][]byte) {}

func checkLog(vkey, dir string) {
	msg, err := os.ReadFile(filepath.Join(dir, "checkpoint"))
	if err != nil {
		fail("%v", err)
	}
	_, size, root := openCheckpoint(vkey, msg)
	reader := tlog.TileHashReader(tlog.Tree{N: size, Hash: root}, dirTiles(dir))
	computed, err := tlog.TreeHash(size, reader)
	if err != nil {
		fail("tree hash from the published tiles: %v", err)
	}
	if computed != root {
		fail("the published tiles give root %v, not the signed %v", computed, root)
	}
	fmt.Println("ok")
}

func checkProof(vkey, proofFile, dataFile string) {
	raw, err := os.ReadFile(proofFile)
	if err != nil {
		fail("%v", err)
	}
	data, err := os.ReadFile(dataFile)
	if err != nil {
		fail("%v", err)
	}
	text := string(raw)
	blank := strings.Index(text, "\n\n")
	if blank < 0 {
		fail("proof: no blank line before the checkpoint")
	}
	lines := strings.Split(text[:blank], "\n")
	if len(lines) < 2 || lines[0] != "c2sp.org/tlog-proof@v1" {
		fail("proof: not c2sp.org/tlog-proof@v1")
	}
	i := 1
	if strings.HasPrefix(lines[i], "extra ") {
		i++
	}
	if !strings.HasPrefix(lines[i], "index ") {
		fail("proof: no index line")
	}
	index, err := strconv.ParseInt(strings.TrimPrefix(lines[i], "index "), 10, 64)
	if err != nil {
		fail("proof index: %v", err)
	}
	_, size, root := openCheckpoint(vkey, []byte(text[blank+2:]))
	proof := tlog.RecordProof(hashes(lines[i+1:]))
	if err := tlog.CheckRecord(proof, size, root, index, tlog.RecordHash(data)); err != nil {
		fail("inclusion of %d: %v", index, err)
	}
	fmt.Println("ok")
}
