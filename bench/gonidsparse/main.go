// Command gonidsparse parses Suricata rules files with github.com/google/gonids
// (the version go.mod pins) and prints how many rules it accepted. It is the
// baseline of bench/etopen.sh: a whole process that reads the same files
// vpcreach validates and only parses them.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/google/gonids"
)

func main() {
	accepted, refused := 0, 0
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			// gonids refuses the reject action; parse such rules as drop.
			if strings.HasPrefix(line, "reject ") {
				line = "drop " + strings.TrimPrefix(line, "reject ")
			}
			if _, err := gonids.ParseRule(line); err != nil {
				refused++
			} else {
				accepted++
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			fmt.Fprintln(os.Stderr, name+":", err)
			os.Exit(1)
		}
	}
	fmt.Printf("gonids: %d rules accepted, %d refused\n", accepted, refused)
}
