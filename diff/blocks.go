package diff

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/vpcreach/vpcreach/topology"
)

// BlockChange is one top-level block that differs between the two
// versions, matched by address ("TYPE.NAME"; "local.NAME" for a local
// value). Content is compared as HCL tokens, so layout and comments do
// not count; a rule group's rules_file counts as part of the block.
type BlockChange struct {
	Addr string
	// Change is "added", "removed" or "modified".
	Change string
	// Before and After are the whole block's ranges in each version
	// (zero when the block is absent there).
	Before, After hcl.Range
}

// Range returns where a reviewer looks at the change: the block in the
// after version, or in the before version when it was removed.
func (b *BlockChange) Range() hcl.Range {
	if b.Change == "removed" {
		return b.Before
	}
	return b.After
}

// blockText is a block's comparable content and its range.
type blockText struct {
	content string
	rng     hcl.Range
}

// ChangedBlocks compares the blocks of two topologies and returns those
// added, removed or modified, sorted by address. expect blocks are left
// out: they state expectations and change no answer.
func ChangedBlocks(before, after *topology.Topology) []*BlockChange {
	b, a := topologyBlocks(before), topologyBlocks(after)
	var out []*BlockChange
	for addr, bt := range b {
		at, ok := a[addr]
		switch {
		case !ok:
			out = append(out, &BlockChange{Addr: addr, Change: "removed", Before: bt.rng})
		case at.content != bt.content:
			out = append(out, &BlockChange{Addr: addr, Change: "modified", Before: bt.rng, After: at.rng})
		}
	}
	for addr, at := range a {
		if _, ok := b[addr]; !ok {
			out = append(out, &BlockChange{Addr: addr, Change: "added", After: at.rng})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Addr < out[j].Addr })
	return out
}

// topologyBlocks maps every top-level block address of t's HCL files to
// its content. Files are visited in name order so that a duplicate (which
// Load rejects) could not make the result depend on map order.
func topologyBlocks(t *topology.Topology) map[string]blockText {
	out := map[string]blockText{}
	names := make([]string, 0, len(t.Files))
	for name := range t.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f := t.Files[name]
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue // a rules file: compared with its rule group
		}
		for _, blk := range body.Blocks {
			addBlock(out, t, f.Bytes, blk)
		}
	}
	return out
}

// addBlock records blk (or, for locals, each of its attributes).
func addBlock(out map[string]blockText, t *topology.Topology, src []byte, blk *hclsyntax.Block) {
	switch {
	case blk.Type == "expect":
		return
	case blk.Type == "locals":
		for name, attr := range blk.Body.Attributes {
			out["local."+name] = blockText{tokens(src, attr.SrcRange), attr.SrcRange}
		}
		return
	}
	addr := blk.Type
	if len(blk.Labels) > 0 {
		addr += "." + blk.Labels[0]
	}
	rng := blk.Range()
	content := tokens(src, rng)
	if r, ok := t.Resource(addr); ok {
		if g, ok := r.(*topology.RuleGroup); ok && g.FromFile && g.Text != nil {
			content += "\x00" + g.Text.Text
		}
	}
	out[addr] = blockText{content, rng}
}

// tokens returns the HCL tokens of src[rng] joined by spaces, without
// comments and newlines.
func tokens(src []byte, rng hcl.Range) string {
	if rng.Start.Byte < 0 || rng.End.Byte > len(src) || rng.Start.Byte > rng.End.Byte {
		return ""
	}
	toks, _ := hclsyntax.LexConfig(src[rng.Start.Byte:rng.End.Byte], rng.Filename, rng.Start)
	var b strings.Builder
	for _, tok := range toks {
		switch tok.Type {
		case hclsyntax.TokenComment, hclsyntax.TokenNewline, hclsyntax.TokenEOF:
			continue
		}
		b.Write(tok.Bytes)
		b.WriteByte(' ')
	}
	return b.String()
}
