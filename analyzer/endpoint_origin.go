package analyzer

import "github.com/vpcreach/vpcreach/topology"

// resourceNamed returns the declared resource a query names: by its
// address ("instance.web"), else by the AWS id or Terraform address it was
// imported from (its aws_id or terraform_address: "i-0abc...",
// `module.spoke["a"].aws_instance.web`).
func (n *Network) resourceNamed(spec string) (topology.Resource, bool) {
	if r, ok := n.topo.Resource(spec); ok {
		return r, true
	}
	return n.topo.ResourceByOrigin(spec)
}
