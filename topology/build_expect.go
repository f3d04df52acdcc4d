package topology

import (
	"net/netip"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/vpcreach/vpcreach/ports"
)

// endpointKinds are the resource types an expect from/to may name.
// Read-only.
var endpointKinds = []string{"instance", "subnet", "internet_gateway", "nat_gateway", "network_interface", "vpc_endpoint"}

func (l *loader) resolveExpect(b *expectBlock, e *Expect) {
	e.AttrRanges = attrRanges(b.Body)
	e.From, _ = l.endpoint(b.From, of("from", e), false)
	e.To, _ = l.endpoint(b.To, of("to", e), true)
	if p, ok := l.oneOfFold(b.Protocol, of("protocol", e), "tcp", "udp", "icmp"); ok {
		e.Protocol = map[string]Protocol{"tcp": ProtocolTCP, "udp": ProtocolUDP, "icmp": ProtocolICMP}[p]
	}
	if n, ok := l.integer(b.Port, of("port", e)); ok {
		if n < 0 || n > ports.Max {
			l.errorf(b.Port.Range(), "Port out of range", "The port %d of %s must be between 0 and 65535.", n, e.Addr())
		} else {
			e.Port, e.HasPort = uint16(n), true
		}
	}
	if s, ok := l.str(b.Ports, of("ports", e)); ok {
		set, err := ports.ParseList(s)
		if err != nil {
			l.errorf(b.Ports.Range(), "Invalid port list",
				"The ports of %s, %q, is not a port list: %s; write ports and ranges separated by commas, such as \"443,8443\" or \"80,1024-65535\".",
				e.Addr(), s, err)
		} else {
			e.Ports, e.HasPorts = set, true
		}
	}
	if present(b.Port) && present(b.Ports) {
		l.errorf(e.AttrRanges["ports"], "Both port and ports",
			"%s sets both port and ports; keep port for one port, or ports for a list.", e.Addr())
	}
	if e.Protocol == ProtocolICMP && (present(b.Port) || present(b.Ports)) {
		l.errorf(b.Protocol.Range(), "Ports with ICMP",
			"%s checks icmp, which has no ports; remove port and ports, or use \"tcp\" or \"udp\".", e.Addr())
	}
	e.App = l.appProtocol(b.App, of("app", e))
	e.SNI, _ = l.str(b.SNI, of("sni", e))
	e.HTTPHost, _ = l.str(b.HTTPHost, of("http_host", e))
	e.Reachable, _ = l.boolean(b.Reachable, of("reachable", e))
	for _, it := range l.refsOrOrigins(b.Through, of("through", e), resourceTypes...) {
		e.Through = append(e.Through, it.res)
	}
	for _, it := range l.refsOrOrigins(b.NotThrough, of("not_through", e), resourceTypes...) {
		e.NotThrough = append(e.NotThrough, it.res)
	}
}

// endpoint evaluates an expect from/to: a reference, an IP address or
// (when allowCIDR) a CIDR block.
func (l *loader) endpoint(expr hcl.Expression, what string, allowCIDR bool) (Endpoint, bool) {
	ep := Endpoint{Range: expr.Range()}
	if tr, d := hcl.AbsTraversalForExpr(expr); !d.HasErrors() && tr.RootName() != "local" {
		ep.Resource = l.lookup(tr, expr.Range(), what, endpointKinds)
		return ep, ep.Resource != nil
	}
	s, ok := l.str(expr, what)
	if !ok {
		return ep, false
	}
	if strings.Contains(s, "/") {
		if !allowCIDR {
			l.errorf(expr.Range(), "CIDR block as source",
				"The %s is the CIDR block %q; a source must be one address or a resource, such as \"10.1.1.10\" or instance.NAME.", what, s)
			return ep, false
		}
		ep.Prefix, ok = l.parsePrefix(s, expr.Range(), what)
		return ep, ok
	}
	if _, err := netip.ParseAddr(s); err != nil {
		// An AWS id or Terraform address of an imported resource.
		if r := l.originResource(s, endpointKinds); r != nil {
			ep.Resource = r
			return ep, true
		}
	}
	ep.Addr, ok = l.parseAddr(s, expr.Range(), what)
	return ep, ok
}

// appProtocol evaluates an optional application protocol (any case, aliases
// taken) and reports one that is not known, with the nearest name: a typo
// must not turn into an answer about an unknown protocol.
func (l *loader) appProtocol(expr hcl.Expression, what string) string {
	s, ok := l.str(expr, what)
	if !ok || s == "" {
		return ""
	}
	app, ok := CanonicalAppProtocol(s)
	if ok {
		return app
	}
	hint := ""
	if app != "" {
		hint = " Did you mean " + quote(app) + "?"
	}
	l.errorf(expr.Range(), "Unknown application protocol",
		"The %s, %q, is not an application protocol vpcreach knows; use one of %s.%s", what, s,
		strings.Join(AppProtocols(), ", "), hint)
	return ""
}
