// Command dockinds prints the document-kind table of internal/kea, one kind
// a line, tab-separated: name, format, file, suffix, check command, target
// kind. The scripts read it instead of keeping their own lists of suffixes
// and daemons.
package main

import (
	"fmt"

	"github.com/keaform/terraform-provider-kea/internal/kea"
)

func main() {
	for _, d := range kea.DocKinds {
		fmt.Printf("%s\t%s\t%s\t%s\t%s\t%s\n", d.Name, d.Format, d.File, d.Suffix, d.Check, d.Target)
	}
}
